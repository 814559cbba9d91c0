#!/usr/bin/env python3
"""Deterministic generator for product-of-array-except-self: writes tests/sample and tests/secret.

A function problem's test: nums as one line of JSON; the answer is the returned array. As on
LeetCode, every product of a prefix or a suffix fits in a 32-bit int (the product of the absolute
values of the non-zero elements is at most 2^31 - 1).
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100000
MAXV = 30
MAXP = 2**31 - 1
rng = random.Random(20240607)


def solve(a):
    """Reference: prefix product times suffix product."""
    n = len(a)
    out = [1] * n
    run = 1
    for i in range(n):
        out[i] = run
        run *= a[i]
    run = 1
    for i in range(n - 1, -1, -1):
        out[i] *= run
        run *= a[i]
    return out


def brute(a):
    out = []
    for i in range(len(a)):
        p = 1
        for j, v in enumerate(a):
            if j != i:
                p *= v
        out.append(p)
    return out


def check_input(a):
    assert 2 <= len(a) <= MAXN
    assert all(-MAXV <= v <= MAXV for v in a)
    p = 1
    for v in a:
        if v:
            p *= abs(v)
    assert p <= MAXP, p


def write(kind, name, a):
    check_input(a)
    ans = solve(a)
    if len(a) <= 2000:
        assert ans == brute(a)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(a, separators=(",", ":")) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(ans, separators=(",", ":")) + "\n")


def make(n, zeros, budget, lo=2, hi=MAXV, odd=False):
    """n values: +-1 everywhere, then factors in [lo, hi] (random signs; only odd ones if `odd`)
    while the product of their absolute values stays <= budget, and `zeros` zeros, all at
    random positions."""
    factors = []
    p = 1
    misses = 0
    while misses < 50:
        v = rng.randint(lo, hi)
        if odd and v % 2 == 0:
            continue
        if p * v > budget:
            misses += 1
            continue
        p *= v
        factors.append(v)
    assert len(factors) + zeros <= n
    a = [rng.choice((1, -1)) for _ in range(n)]
    pos = rng.sample(range(n), len(factors) + zeros)
    for k, v in zip(pos, factors):
        a[k] = v * rng.choice((1, -1))
    for k in pos[len(factors):]:
        a[k] = 0
    return a


def main():
    write("sample", "1", [1, 2, 3, 4])
    write("sample", "2", [-1, 1, 0, -3, 3])

    secret = []
    # minimum size, extremes of the value bounds, zeros
    secret.append([-30, 30])
    secret.append([0, 0])
    secret.append([3, 0, -4])
    # small random, no zeros
    secret.append([rng.choice((1, -1)) * rng.randint(1, 30) for _ in range(6)])
    # all negative (the sign of each answer depends on the count of negatives)
    secret.append([-rng.randint(2, 30) for _ in range(6)])
    # the product of all elements is exactly 2^30 in absolute value
    a = [2] * 30 + [1] * 970
    rng.shuffle(a)
    for k in rng.sample(range(len(a)), 301):
        a[k] = -a[k]
    secret.append(a)
    # answers close to 2^31 - 1, and odd
    secret.append(make(20000, 0, MAXP, 3, 29, odd=True))
    # large n: no zeros, moderate product
    secret.append(make(MAXN // 2, 0, 20000))
    # largest n: exactly one zero, the zero's answer is huge
    secret.append(make(MAXN, 1, MAXP))
    # largest n: one zero at the very end
    a = make(MAXN, 0, 10**8)
    a[-1] = 0
    secret.append(a)
    # two zeros: every answer is 0
    secret.append(make(30000, 2, MAXP))
    # only 1 and -1
    secret.append(make(30000, 0, 1))

    for k, a in enumerate(secret, 1):
        write("secret", "%02d" % k, a)


if __name__ == "__main__":
    main()
