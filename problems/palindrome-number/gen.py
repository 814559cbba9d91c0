#!/usr/bin/env python3
"""Deterministic generator for palindrome-number: writes tests/sample and tests/secret (.in and .ans).

A function problem's test: the one parameter x as JSON on one line; the answer is true or false.
Each test is one call, so the tests are the cases that matter: signs, trailing zeros, the 32-bit
bounds, and numbers whose reversal leaves 32 bits.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LO, HI = -2**31, 2**31 - 1


def is_pal(x):
    s = str(x)
    return s == s[::-1]


def write(kind, name, x):
    assert LO <= x <= HI
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write("%d\n" % x)
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(is_pal(x)) + "\n")


def main():
    write("sample", "1", 121)
    write("sample", "2", -121)
    write("sample", "3", 10)

    secret = [
        0,            # the smallest non-negative palindrome
        7,            # one digit
        100,          # ends in zeros: not a palindrome, though its half-reversal looks like one
        1000021,      # odd length, not a palindrome
        1221,         # even length
        12321,        # odd length
        LO,           # the most negative int
        HI,           # its reversal 7463847412 leaves 32 bits
        2147447412,   # the largest 32-bit palindrome
        1000000001,   # ten digits, zeros in the middle
        -2147447412,  # a negative number is never a palindrome
        1234567899,   # reversal 9987654321 leaves 32 bits
    ]
    for k, x in enumerate(secret, 1):
        write("secret", "%02d" % k, x)


if __name__ == "__main__":
    main()
