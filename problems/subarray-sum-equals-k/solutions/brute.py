# Every subarray, its sum kept as it grows: O(n^2). Right, and fast enough for the small group
# (n <= 1000); out of time on the large one. Scores 40.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    count = 0
    for i in range(n):
        total = 0
        for j in range(i, n):
            total += a[j]
            if total == k:
                count += 1
    print(count)


main()
