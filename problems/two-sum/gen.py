#!/usr/bin/env python3
"""Deterministic generator for two-sum: writes tests/sample and tests/secret (.in and .ans).

A function problem's test: one JSON value per parameter, one per line (nums, then target); the
answer is the returned value in canonical JSON ([i, j], or [] when no pair qualifies).
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100000
MAXV = 10**9
rng = random.Random(20240521)


def solve(target, a):
    """Reference: pair with the smallest j, then the smallest i; None if there is none."""
    first = {}
    for j, v in enumerate(a):
        i = first.get(target - v)
        if i is not None:
            return i, j
        if v not in first:
            first[v] = j
    return None


def brute(target, a):
    for j in range(len(a)):
        for i in range(j):
            if a[i] + a[j] == target:
                return i, j
    return None


def check_input(target, a):
    assert 2 <= len(a) <= MAXN
    assert all(-MAXV <= v <= MAXV for v in a)
    assert -MAXV <= target <= MAXV


def write(kind, name, target, a):
    check_input(target, a)
    ans = solve(target, a)
    if len(a) <= 3000:
        assert ans == brute(target, a)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(a, separators=(",", ":")) + "\n%d\n" % target)
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps([] if ans is None else list(ans), separators=(",", ":")) + "\n")


def distinct_values(n, lo, hi, avoid_sum=None):
    """n distinct values in [lo, hi]; if avoid_sum is set, no two of them sum to it."""
    seen = set()
    out = []
    while len(out) < n:
        v = rng.randint(lo, hi)
        if v in seen:
            continue
        if avoid_sum is not None and (avoid_sum - v) in seen:
            continue
        if avoid_sum is not None and 2 * v == avoid_sum:
            continue
        seen.add(v)
        out.append(v)
    return out


def main():
    # samples
    write("sample", "1", 9, [2, 7, 11, 15])
    write("sample", "2", 8, [4, 1, 7, 4, 4, 3])
    write("sample", "3", 10, [1, 2, 3])

    secret = []
    # minimum size, with and without an answer, and a value that would pair with itself
    secret.append((0, [-5, 5]))
    secret.append((6, [3, 5]))
    secret.append((6, [3, 1, 4, 3]))
    # extremes of the value bounds (a sum of two values may leave a 32-bit int; a difference
    # with the target never does)
    secret.append((0, [MAXV, 5, 0, MAXV - 1, -MAXV]))
    secret.append((-MAXV, [-MAXV, 7, MAXV, -MAXV, 0]))
    # small random arrays with many pairs (tie-breaking matters)
    for n, lo, hi in ((12, -5, 5), (40, -10, 10), (1000, -30, 30)):
        a = [rng.randint(lo, hi) for _ in range(n)]
        secret.append((rng.randint(lo, hi), a))
    # medium random, many duplicates, unique-ish answer
    a = [rng.randint(-50, 50) * 2 for _ in range(3000)]
    a[2999] = 7
    secret.append((7 + a[1234], a))

    # large: distinct values, the only pair ends at the last position (naive is quadratic)
    target = rng.randint(-MAXV // 2, MAXV // 2)
    a = distinct_values(MAXN - 1, -MAXV, MAXV, avoid_sum=target)
    while True:
        i = rng.randrange(MAXN - 1)
        last = target - a[i]
        if -MAXV <= last <= MAXV:
            break
    a.append(last)
    secret.append((target, a))

    # large: no pair at all (all values even, odd target)
    a = [rng.randint(-500, 500) * 2 for _ in range(MAXN)]
    secret.append((rng.randrange(-1000, 1000) * 2 + 1, a))

    # large: target = 10^9 and only the two copies of 10^9 / 2 at the very end form a pair
    a = [rng.randint(0, MAXV // 2 - 1) for _ in range(20000 - 2)] + [MAXV // 2, MAXV // 2]
    secret.append((MAXV, a))

    # all values equal, the answer is 0 1
    secret.append((-MAXV, [-MAXV // 2] * 1000))

    # large: small value range, many candidate pairs
    a = [rng.randint(-300, 300) for _ in range(MAXN)]
    secret.append((rng.randint(-600, 600), a))

    # large: a value equal to target/2 appears once, first; the real pair ends at the last position
    half = 123456
    a = [half] + distinct_values(50000 - 2, -10**6, 10**6, avoid_sum=2 * half)
    p = 25000
    a.append(2 * half - a[p])
    assert len(a) == 50000
    secret.append((2 * half, a))

    for k, (target, a) in enumerate(secret, 1):
        write("secret", "%02d" % k, target, a)


if __name__ == "__main__":
    main()
