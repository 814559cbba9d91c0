"""Writes every test of maximum-subarray: python3 gen.py (deterministic)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100000
MAXV = 10 ** 9


def solve(a):
    best = a[0]
    cur = 0
    for x in a:
        cur = cur + x if cur > 0 else x
        best = max(best, cur)
    return best


def validate(a):
    assert 1 <= len(a) <= MAXN
    assert all(-MAXV <= x <= MAXV for x in a)


def write(kind, name, a):
    validate(a)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    # A function problem's test: nums as one line of JSON; the answer is the returned number.
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(a, separators=(",", ":")) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write("%d\n" % solve(a))


def main():
    rng = random.Random(20240531)

    write("sample", "1", [-2, 1, -3, 4, -1, 2, 1, -5, 4])
    write("sample", "2", [-3, -1, -4, -1, -5])

    secret = []
    # minimum sizes and extremes of the values
    secret.append([7])
    secret.append([-MAXV])
    secret.append([0] * 10)
    # small mixed arrays (the naive solution still handles these)
    secret.append([rng.randint(-20, 20) for _ in range(20)])
    secret.append([rng.randint(-MAXV, -1) for _ in range(1000)])
    # all maximal: 10^12 overflows 32-bit sums
    secret.append([MAXV] * 1000)
    # medium random, full range
    secret.append([rng.randint(-MAXV, MAXV) for _ in range(20000)])
    # large random, small values
    secret.append([rng.randint(-10 ** 4, 10 ** 4) for _ in range(MAXN // 2)])
    # large, all negative: the answer is the largest element
    secret.append([rng.randint(-1000, -1) for _ in range(MAXN)])
    # alternating positive / slightly smaller negative: the best subarray takes everything
    secret.append([1000 if k % 2 == 0 else -999 for k in range(MAXN // 2 - 1)])
    # blocks of positives separated by negatives that are worth crossing (or not)
    a = []
    while len(a) < 70000:
        block = [rng.randint(1, 999) for _ in range(rng.randint(1, 20))]
        s = sum(block)
        a.extend(block)
        a.append(-rng.randint(s // 2, 2 * s))
    secret.append(a[:70000])
    # mostly negative with a few isolated large positives
    a = [rng.randint(-9999, -5000) for _ in range(MAXN // 2)]
    for _ in range(30):
        a[rng.randrange(len(a))] = rng.randint(1, MAXV)
    secret.append(a)

    for i, a in enumerate(secret, 1):
        write("secret", "%02d" % i, a)


main()
