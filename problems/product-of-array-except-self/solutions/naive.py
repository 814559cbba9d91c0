# Correct but quadratic: recomputes the whole product for every position.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    answer = []
    for i in range(n):
        p = 1
        for j in range(n):
            if j != i:
                p *= a[j]
        answer.append(p)
    print(" ".join(map(str, answer)))


main()
