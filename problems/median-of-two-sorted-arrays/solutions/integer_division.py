# Mistake: integer division for an even count, so 2.5 is printed as 2.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    m, n = int(data[0]), int(data[1])
    x = sorted(int(v) for v in data[2:2 + m + n])
    total = m + n
    if total % 2:
        print(x[total // 2])
    else:
        print((x[total // 2 - 1] + x[total // 2]) // 2)


main()
