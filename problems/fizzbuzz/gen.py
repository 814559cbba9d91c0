#!/usr/bin/env python3
"""Deterministic generator for fizzbuzz: writes tests/sample and tests/secret (.in and .ans).

A function problem's test: the one parameter n on one line; the answer is the returned array of
strings in canonical JSON.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10000
rng = random.Random(151515)


def fizzbuzz(n):
    out = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return out


def write(kind, name, n):
    assert 1 <= n <= MAXN
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write("%d\n" % n)
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(fizzbuzz(n), separators=(",", ":")) + "\n")


def main():
    write("sample", "1", 3)
    write("sample", "2", 5)
    write("sample", "3", 15)
    secret = [1, 2, 4, 14, 16, 30, 100, rng.randint(1000, 5000), MAXN - 1, MAXN]
    for k, n in enumerate(secret, 1):
        write("secret", "%02d" % k, n)


if __name__ == "__main__":
    main()
