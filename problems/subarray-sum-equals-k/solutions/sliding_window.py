# A window that grows while its sum is below k and shrinks while it is above: right only when
# no element is negative. Wrong on both groups: scores 0.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    count = total = left = 0
    for right in range(n):
        total += a[right]
        while left < right and total > k:
            total -= a[left]
            left += 1
        if total == k:
            count += 1
    print(count)


main()
