#!/usr/bin/env python3
"""Deterministic generator for palindrome-number: writes tests/sample and tests/secret (.in and .ans)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
LO, HI = -2**31, 2**31 - 1
MAXT = 100000
rng = random.Random(31415926)


def is_pal(x):
    s = str(x)
    return s == s[::-1]


def write(kind, name, xs):
    assert 1 <= len(xs) <= MAXT
    assert all(LO <= x <= HI for x in xs)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write("%d\n" % len(xs))
        f.write("".join("%d\n" % x for x in xs))
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write("".join("true\n" if is_pal(x) else "false\n" for x in xs))


def rand_pal(length=None):
    """A random non-negative palindrome that fits in 32 bits."""
    while True:
        L = length or rng.randint(1, 10)
        if L == 1:
            return rng.randint(0, 9)
        half = [str(rng.randint(1, 9))] + [str(rng.randint(0, 9)) for _ in range((L + 1) // 2 - 1)]
        s = "".join(half) + "".join(reversed(half[:L // 2]))
        x = int(s)
        if x <= HI:
            return x


def trailing_zero():
    """A positive number ending in 0, often a palindrome once the zeros are dropped."""
    base = rand_pal(rng.randint(1, 7))
    if base == 0:
        base = rng.randint(1, 9)
    x = base * 10 ** rng.randint(1, 3)
    return x if x <= HI else 10


def near_miss():
    """A palindrome with one digit changed, or with a digit appended."""
    x = rand_pal(rng.randint(2, 9))
    s = list(str(x))
    k = rng.randrange(len(s))
    s[k] = str((int(s[k]) + rng.randint(1, 9)) % 10)
    if s[0] == "0":
        s[0] = "1"
    return int("".join(s))


def rand_int():
    r = rng.random()
    if r < 0.5:
        return rng.randint(LO, HI)
    if r < 0.8:
        return rng.randint(-10**6, 10**6)
    return rng.randint(-1000, 1000)


def mix(t, p_pal=0.35, p_neg_pal=0.1, p_zero=0.1, p_miss=0.15):
    xs = []
    for _ in range(t):
        r = rng.random()
        if r < p_pal:
            xs.append(rand_pal())
        elif r < p_pal + p_neg_pal:
            xs.append(-rand_pal() or -1)
        elif r < p_pal + p_neg_pal + p_zero:
            xs.append(trailing_zero())
        elif r < p_pal + p_neg_pal + p_zero + p_miss:
            xs.append(near_miss())
        else:
            xs.append(rand_int())
    return xs


def main():
    write("sample", "1", [121, -121, 10])
    write("sample", "2", [0, 7, 12321, 123, 1221, 1000021])

    secret = [
        [0],
        [LO],
        [HI],
        list(range(-9, 10)),
        [10, 100, 1000, 1000000000, 2000000000, 110, 1010, 1100, 2000000002, 1001, 20, 300, 4000],
        [-1, -11, -121, -1221, -12321, -2147447412, -1000000001, -9, -88],
        [2147447412, 2147483647, 2147483646, 1999999991, 1000000001, 2147337412, 2147447413,
         1234554321, 1234567890, 999999999, 1000000000, 2147483641, 1463847412],
        [x for L in range(1, 11) for x in (rand_pal(L) for _ in range(5))],
        mix(1000),
        [-rand_pal() if rng.random() < 0.2 else rand_pal() for _ in range(30000)],
        [trailing_zero() if rng.random() < 0.5 else rand_pal() for _ in range(20000)],
        mix(MAXT),
    ]
    for k, xs in enumerate(secret, 1):
        write("secret", "%02d" % k, xs)


if __name__ == "__main__":
    main()
