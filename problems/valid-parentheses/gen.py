#!/usr/bin/env python3
"""Deterministic generator for valid-parentheses: writes tests/sample and tests/secret (.in and .ans).

A function problem's test: the one parameter s as a JSON string on one line; the answer is true
or false. Each test is one call.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXLEN = 10000
OPEN = "([{"
CLOSE = ")]}"
PAIR = {")": "(", "]": "[", "}": "{"}
rng = random.Random(1729)


def is_valid(s):
    stack = []
    for c in s:
        if c in OPEN:
            stack.append(c)
        elif not stack or stack.pop() != PAIR[c]:
            return False
    return not stack


def write(kind, name, s):
    assert 1 <= len(s) <= MAXLEN
    assert set(s) <= set(OPEN + CLOSE)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(s) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(is_valid(s)) + "\n")


def rand_valid(n, p_open=0.5):
    """A random valid string of even length n (a random walk that returns to depth 0)."""
    assert n % 2 == 0
    out = []
    stack = []
    for k in range(n):
        remaining = n - k
        if stack and (len(stack) == remaining or rng.random() >= p_open):
            out.append(CLOSE[OPEN.index(stack.pop())])
        else:
            c = rng.choice(OPEN)
            stack.append(c)
            out.append(c)
    assert not stack
    return "".join(out)


def deep(n, kinds=OPEN):
    """n/2 opening brackets followed by their matching closing brackets."""
    opens = [rng.choice(kinds) for _ in range(n // 2)]
    return "".join(opens) + "".join(CLOSE[OPEN.index(c)] for c in reversed(opens))


def one_mismatch_in_the_middle(n):
    """deep(n) whose innermost closing bracket has the wrong type."""
    s = list(deep(n))
    s[n // 2] = rng.choice([c for c in CLOSE if c != s[n // 2]])
    return "".join(s)


def corrupt(s):
    """Breaks a valid string in one of several small ways (the result may rarely stay valid)."""
    s = list(s)
    r = rng.random()
    k = rng.randrange(len(s))
    if r < 0.3:  # change one bracket
        s[k] = rng.choice([c for c in OPEN + CLOSE if c != s[k]])
    elif r < 0.5:  # swap two neighbours
        if len(s) > 1:
            k = min(k, len(s) - 2)
            s[k], s[k + 1] = s[k + 1], s[k]
    elif r < 0.7:  # drop one character
        del s[k]
    elif r < 0.85:  # add an opening bracket
        s.insert(k, rng.choice(OPEN))
    else:  # add a closing bracket
        s.insert(k, rng.choice(CLOSE))
    return "".join(s) or "("


def main():
    write("sample", "1", "()")
    write("sample", "2", "()[]{}")
    write("sample", "3", "(]")
    write("sample", "4", "([])")

    secret = [
        "(",
        ")",
        "([)]",                                  # right counts, wrong order
        "{[()()]}",
        ")(",
        "(((" + ")]]",                           # closes with the wrong type
        "{" * 2500 + "(" * 2500 + "}" * 2500 + ")" * 2500,  # crossing, every count balanced
        deep(MAXLEN),                            # 5000 deep, valid
        one_mismatch_in_the_middle(MAXLEN),      # the innermost pair mismatched
        "(" + rand_valid(MAXLEN - 2) + ")",      # long random valid
        corrupt(rand_valid(MAXLEN - 2)),         # long random, broken in one place
        "[" + rand_valid(MAXLEN - 2),            # one bracket never closed
    ]
    for k, s in enumerate(secret, 1):
        write("secret", "%02d" % k, s)


if __name__ == "__main__":
    main()
