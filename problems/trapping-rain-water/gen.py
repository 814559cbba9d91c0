"""Deterministic test generator for trapping-rain-water.

Run `python3 gen.py` from anywhere: it rewrites tests/sample and tests/secret.
A function problem's test: height as one line of JSON; the answer is the returned number.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(424242)

MAX_N = 10 ** 5
MAX_H = 10 ** 9


def trapped(h):
    """Trusted reference: prefix and suffix maxima."""
    n = len(h)
    left = [0] * n
    m = 0
    for i in range(n):
        m = max(m, h[i])
        left[i] = m
    total = 0
    m = 0
    for i in range(n - 1, -1, -1):
        m = max(m, h[i])
        total += min(left[i], m) - h[i]
    return total


def write(path, h):
    assert 1 <= len(h) <= MAX_N
    assert all(0 <= x <= MAX_H for x in h)
    with open(path + ".in", "w") as f:
        f.write(json.dumps(h, separators=(",", ":")) + "\n")
    with open(path + ".ans", "w") as f:
        f.write("%d\n" % trapped(h))


def main():
    sample = os.path.join(HERE, "tests", "sample")
    secret = os.path.join(HERE, "tests", "secret")
    os.makedirs(sample, exist_ok=True)
    os.makedirs(secret, exist_ok=True)
    for d in (sample, secret):
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))

    write(os.path.join(sample, "1"), [0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1])
    write(os.path.join(sample, "2"), [4, 2, 0, 3, 2, 5])

    tests = []
    # 01: a single bar
    tests.append([7])
    # 02: two bars can never hold water
    tests.append([0, MAX_H])
    # 03: three bars, the maximal single pool
    tests.append([MAX_H, 0, MAX_H])
    # 04: strictly increasing
    tests.append(list(range(1, 2001)))
    # 05: strictly decreasing
    tests.append(list(range(2000, 0, -1)))
    # 06: flat: equal heights, then all zeros
    tests.append([42] * 1000 + [0] * 1000)
    # 07: small random heights
    tests.append([R.randint(0, 10) for _ in range(1000)])
    # 08: plateaus and several basins
    h = []
    while len(h) < 2000:
        h.extend([R.randint(0, 50)] * R.randint(1, 20))
    tests.append(h[:2000])
    # 09: large n, a deep V with heights up to 10^9 (needs 64-bit arithmetic)
    half = MAX_N // 4
    h = [MAX_H - (MAX_H // half) * i - R.randint(0, 1000) for i in range(half)]
    h += [MAX_H - (MAX_H // half) * (half - 1 - i) - R.randint(0, 1000) for i in range(half)]
    h = [max(0, x) for x in h]
    tests.append(h)
    # 10: maximal n, random heights
    tests.append([R.randint(0, 1000) for _ in range(MAX_N)])
    # 11: large n, a noisy mountain (water only in the small dents)
    h = []
    m = 60000
    for i in range(m):
        base = i if i < m // 2 else m - i
        h.append(base // 10 + R.randint(0, 20))
    tests.append(h)
    # 12: alternating 10^9 and 0
    tests.append([MAX_H if i % 2 == 0 else 0 for i in range(50001)])
    # 13: maximal answer: two walls of 10^9 around zeros
    tests.append([MAX_H] + [0] * (MAX_N - 2) + [MAX_H])
    # 14: random with one high wall in the middle, heights up to 10^9
    h = [R.randint(0, MAX_H // 2) for _ in range(20000)]
    h[10000] = MAX_H
    tests.append(h)

    for idx, h in enumerate(tests, 1):
        write(os.path.join(secret, "%02d" % idx), h)


if __name__ == "__main__":
    main()
