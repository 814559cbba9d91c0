#!/usr/bin/env python3
"""Deterministic generator for reverse-string: writes tests/sample and tests/secret (.in and .ans).

A function problem's test: the one parameter s, an array of one-character strings, as JSON on one
line; reverseString returns nothing and changes s in place, so the answer is s reversed.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100000
ALPHABET = "".join(chr(c) for c in range(33, 127))
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
rng = random.Random(271828)


def write(kind, name, s):
    assert 1 <= len(s) <= MAXN
    assert all(33 <= ord(c) <= 126 for c in s)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    compact = {"separators": (",", ":")}
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(list(s), **compact) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(list(s[::-1]), **compact) + "\n")


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
        "z" * 5000,
        ("ab" * 15000) + "c",
        '"\\' * 7,  # quotes and backslashes, escaped in JSON
        rand_str(MAXN),
    ]
    for k, s in enumerate(secret, 1):
        write("secret", "%02d" % k, s)


if __name__ == "__main__":
    main()
