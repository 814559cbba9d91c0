# Correct but quadratic: inserts every element of b into a, scanning a from the start each time.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    m, n = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + m]]
    b = [int(x) for x in data[2 + m:2 + m + n]]
    for v in b:
        i = 0
        while i < len(a) and a[i] < v:
            i += 1
        a.insert(i, v)
    total = len(a)
    if total % 2:
        print(a[total // 2])
    else:
        print((a[total // 2 - 1] + a[total // 2]) / 2)


main()
