#!/usr/bin/env python3
"""Deterministic generator for median-of-two-sorted-arrays: writes tests/sample and tests/secret.

A function problem's test: nums1, then nums2, one JSON array per line; the answer is the median
as a JSON number with a fraction (2.0, 2.5), compared within the problem's tolerance.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100000
MAXV = 10**6
rng = random.Random(20240619)


def solve(a, b):
    """Reference: returns twice the median (an integer), by merging."""
    x = []
    i = j = 0
    while i < len(a) or j < len(b):
        if j == len(b) or (i < len(a) and a[i] <= b[j]):
            x.append(a[i])
            i += 1
        else:
            x.append(b[j])
            j += 1
    n = len(x)
    if n % 2:
        return 2 * x[n // 2]
    return x[n // 2 - 1] + x[n // 2]


def brute(a, b):
    x = sorted(a + b)
    n = len(x)
    return 2 * x[n // 2] if n % 2 else x[n // 2 - 1] + x[n // 2]


def check_input(a, b):
    assert 0 <= len(a) <= MAXN and 0 <= len(b) <= MAXN and len(a) + len(b) >= 1
    for arr in (a, b):
        assert all(-MAXV <= v <= MAXV for v in arr)
        assert all(arr[k] <= arr[k + 1] for k in range(len(arr) - 1))


def write(kind, name, a, b):
    check_input(a, b)
    ans = solve(a, b)
    assert ans == brute(a, b)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    compact = {"separators": (",", ":")}
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(a, **compact) + "\n" + json.dumps(b, **compact) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(ans / 2) + "\n")  # exact: twice the median is an integer


def rand_sorted(n, lo, hi):
    return sorted(rng.randint(lo, hi) for _ in range(n))


def main():
    write("sample", "1", [1, 3], [2])
    write("sample", "2", [1, 2], [3, 4])

    secret = []
    # one array empty, minimum sizes, extremes of the value bounds
    secret.append(([5], []))
    secret.append(([], [-MAXV]))
    secret.append(([], [-1, 0]))
    secret.append(([MAXV], [-MAXV]))
    # all values equal, across both arrays
    secret.append(([7] * 3, [7] * 4))
    # every value of a below every value of b
    secret.append((list(range(1, 6)), list(range(6, 11))))
    # b nested inside a's range, odd total
    secret.append(([-MAXV, -5, 0, 9, MAXV], [1, 2, 3, 4]))
    # small random with duplicates; an even total whose median is negative and not whole
    while True:
        a, b = rand_sorted(7, -12, 6), rand_sorted(9, -12, 6)
        if solve(a, b) < 0 and solve(a, b) % 2:
            break
    secret.append((a, b))
    secret.append((rand_sorted(300, -50, 50), rand_sorted(301, -50, 50)))
    # very different lengths
    secret.append((rand_sorted(1, -MAXV, MAXV), rand_sorted(50000, -MAXV, MAXV)))
    # largest: both arrays of the maximum length (inserting one into the other is too slow)
    secret.append((rand_sorted(MAXN, 0, 99999), rand_sorted(MAXN, 0, 99999)))
    # largest m, empty b
    secret.append((rand_sorted(MAXN, -MAXV, MAXV), []))
    # negative values only, even total, the median is not whole
    while True:
        a, b = rand_sorted(3000, -MAXV, -1), rand_sorted(5000, -MAXV, -1)
        if solve(a, b) % 2:
            break
    secret.append((a, b))

    for k, (a, b) in enumerate(secret, 1):
        write("secret", "%02d" % k, a, b)


if __name__ == "__main__":
    main()
