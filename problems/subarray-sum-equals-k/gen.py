#!/usr/bin/env python3
"""Deterministic generator for subarray-sum-equals-k: writes tests/sample and tests/secret.

A function problem's test: nums and k, each as one line of JSON; the answer is the returned count.
The secret tests come in two groups (problem.yaml): small-* (n <= 1000, 40 points), where trying
every subarray is fast enough, and large-* (n up to 200000, 60 points), where it is not.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 200000
SMALL_N = 1000
MAXA = 10**4
MAXK = 10**9
rng = random.Random(20240707)


def solve(k, a):
    """Reference: count earlier prefix sums equal to the current one minus k."""
    seen = {0: 1}
    prefix = count = 0
    for x in a:
        prefix += x
        count += seen.get(prefix - k, 0)
        seen[prefix] = seen.get(prefix, 0) + 1
    return count


def brute(k, a):
    """Every subarray, for small inputs."""
    count = 0
    for i in range(len(a)):
        total = 0
        for j in range(i, len(a)):
            total += a[j]
            count += total == k
    return count


def check_input(k, a, limit):
    assert 1 <= len(a) <= limit
    assert -MAXK <= k <= MAXK
    assert all(-MAXA <= x <= MAXA for x in a)


def write(kind, name, k, a, limit=MAXN):
    check_input(k, a, limit)
    ans = solve(k, a)
    if len(a) <= SMALL_N:
        assert ans == brute(k, a)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(a, separators=(",", ":")) + "\n")
        f.write(json.dumps(k) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(ans) + "\n")


def randoms(n, low, high):
    return [rng.randint(low, high) for _ in range(n)]


def main():
    write("sample", "1", 2, [1, 1, 1])
    write("sample", "2", 3, [1, 2, 3])
    write("sample", "3", 0, [3, -3, 2, -2, 0])

    small = [
        # one element, equal to k and not
        (5, [5]),
        (-7, [7]),
        # negative numbers: a window that only grows and shrinks misses these
        (0, [1, -1, 1, -1, 1, -1]),
        (-3, [2, -5, 4, -2, -3, 1, 2, -6, 3]),
        # all zeros: every one of the n (n + 1) / 2 subarrays
        (0, [0] * SMALL_N),
        # random, small values, many answers
        (3, randoms(SMALL_N, -3, 3)),
        # random, the widest values, k a sum that occurs
        (None, randoms(SMALL_N, -MAXA, MAXA)),
        # k out of reach
        (MAXK, randoms(SMALL_N, -MAXA, MAXA)),
    ]
    for number, (k, a) in enumerate(small, 1):
        if k is None:
            k = sum(a[100:350])
        write("secret", "small-%02d" % number, k, a, SMALL_N)

    large = [
        # random, small values: the first large test, where trying every subarray runs out of time
        (2, randoms(MAXN, -2, 2)),
        # all zeros: 20000100000 subarrays, more than a 32-bit count holds
        (0, [0] * MAXN),
        # the widest values, half of them the largest: prefix sums near 10^9
        (None, [MAXA] * (MAXN // 2) + randoms(MAXN // 2, -MAXA, MAXA)),
        # negative k, mostly negative values
        (-50, randoms(MAXN, -60, 20)),
        # alternating signs, k = 0
        (0, [1 if i % 2 == 0 else -1 for i in range(MAXN)]),
        # k out of reach
        (-MAXK, randoms(MAXN, 0, 100)),
        # random values, k a sum that occurs
        (None, randoms(MAXN // 2, -MAXA, MAXA)),
        # n just past the small limit
        (7, randoms(SMALL_N + 1, -5, 5)),
    ]
    for number, (k, a) in enumerate(large, 1):
        if k is None:
            k = sum(a[1000:90000])
        write("secret", "large-%02d" % number, k, a)


if __name__ == "__main__":
    main()
