import sys


def main():
    data = sys.stdin.buffer.read().split()
    m, n = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + m]]
    b = [int(x) for x in data[2 + m:2 + m + n]]
    if m > n:
        a, b, m, n = b, a, n, m
    # Binary search on how many elements of the shorter array a go to the left half.
    inf = float("inf")
    half = (m + n + 1) // 2
    lo, hi = 0, m
    while True:
        i = (lo + hi) // 2
        j = half - i
        a_left = a[i - 1] if i > 0 else -inf
        a_right = a[i] if i < m else inf
        b_left = b[j - 1] if j > 0 else -inf
        b_right = b[j] if j < n else inf
        if a_left > b_right:
            hi = i - 1
        elif b_left > a_right:
            lo = i + 1
        else:
            break
    left = max(a_left, b_left)
    if (m + n) % 2:
        print("%.1f" % left)
    else:
        print("%.1f" % ((left + min(a_right, b_right)) / 2))


main()
