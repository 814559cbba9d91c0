#!/usr/bin/env python3
"""Deterministic generator for reverse-string: writes tests/sample and tests/secret (.in and .ans)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 1000000
ALPHABET = "".join(chr(c) for c in range(33, 127))
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
rng = random.Random(271828)


def write(kind, name, s):
    assert 1 <= len(s) <= MAXN
    assert all(33 <= ord(c) <= 126 for c in s)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write("%d\n%s\n" % (len(s), s))
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(s[::-1] + "\n")


def rand_str(n, alphabet=ALPHABET):
    return "".join(rng.choice(alphabet) for _ in range(n))


def main():
    write("sample", "1", "hello")
    write("sample", "2", "Hannah")
    secret = [
        "a",
        "ab",
        "racecar",
        ALPHABET,
        rand_str(50),
        rand_str(1000, LETTERS),
        "z" * 50000,
        ("ab" * 15000) + "c",
        rand_str(100000),
        rand_str(MAXN),
    ]
    for k, s in enumerate(secret, 1):
        write("secret", "%02d" % k, s)


if __name__ == "__main__":
    main()
