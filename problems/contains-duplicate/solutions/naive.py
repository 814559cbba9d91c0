import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    # compare every pair of positions: O(n^2)
    for i in range(n):
        for j in range(i + 1, n):
            if a[i] == a[j]:
                print("true")
                return
    print("false")


main()
