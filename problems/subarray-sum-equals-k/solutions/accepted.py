# Prefix sums: a subarray a[i..j] sums to k when prefix[j + 1] - prefix[i] == k, so count the
# earlier prefix sums equal to the current one minus k. O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    seen = {0: 1}
    prefix = count = 0
    for x in map(int, data[2:2 + n]):
        prefix += x
        count += seen.get(prefix - k, 0)
        seen[prefix] = seen.get(prefix, 0) + 1
    print(count)


main()
