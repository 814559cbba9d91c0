"""Writes every test of contains-duplicate: python3 gen.py (deterministic)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100000
MAXV = 10 ** 9


def solve(a):
    return len(set(a)) < len(a)


def validate(a):
    assert 1 <= len(a) <= MAXN
    assert all(-MAXV <= x <= MAXV for x in a)


def write(kind, name, a):
    validate(a)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    # A function problem's test: nums as one line of JSON; the answer is the returned bool.
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(a, separators=(",", ":")) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(solve(a)) + "\n")


def distinct(rng, n, lo, hi):
    return rng.sample(range(lo, hi + 1), n)


def main():
    rng = random.Random(77001)

    write("sample", "1", [1, 2, 3, 1])
    write("sample", "2", [1, 2, 3, 4])

    secret = []
    secret.append([5])                                   # single element
    secret.append([-MAXV, -MAXV])                        # smallest duplicate pair, extreme value
    secret.append([MAXV, -MAXV])                         # two distinct extremes
    secret.append([3, 1, 4, 15, 9, 2, 6, 5, 35, 4])      # small, duplicate far apart
    secret.append(distinct(rng, 1000, -MAXV, MAXV))      # distinct, full range
    a = distinct(rng, 1000, 1000, MAXV)                  # large equal values far apart
    a[-1] = a[0]
    secret.append(a)
    a = list(range(1, MAXN + 1))                         # large, all distinct
    rng.shuffle(a)
    secret.append(a)
    secret.append([0] * (MAXN // 2))                     # large, all equal
    a = list(range(1, MAXN // 2))                        # large, one pair: first and last
    rng.shuffle(a)
    a.append(a[0])
    a[0] = 987654321
    a[-1] = 987654321
    secret.append(a)
    secret.append([rng.randint(0, 15000) for _ in range(30000)])  # many duplicates
    half = 10000                                         # distinct, packed near both extremes
    a = [MAXV - k for k in range(half)] + [-MAXV + k for k in range(half)]
    rng.shuffle(a)
    secret.append(a)
    secret.append(sorted(distinct(rng, 20000, -MAXV, MAXV)))  # sorted, distinct
    a = []                                               # x and -x, one duplicate 128 far apart
    for x in rng.sample(range(129, MAXV), 15000):
        a.extend((x, -x))
    rng.shuffle(a)
    a[100] = 128
    a[-100] = 128
    secret.append(a)

    for i, a in enumerate(secret, 1):
        write("secret", "%02d" % i, a)


main()
