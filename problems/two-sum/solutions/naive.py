# Checks every pair: correct, but O(n^2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    for j in range(n):
        for i in range(j):
            if a[i] + a[j] == target:
                print(i, j)
                return
    print(-1)


main()
