#!/usr/bin/env python3
"""Deterministic generator for valid-parentheses: writes tests/sample and tests/secret (.in and .ans)."""
import itertools
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXT = 10000
MAXLEN = 500000
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


def write(kind, name, strings):
    assert 1 <= len(strings) <= MAXT
    assert all(len(s) >= 1 and set(s) <= set(OPEN + CLOSE) for s in strings)
    assert sum(len(s) for s in strings) <= MAXLEN
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write("%d\n" % len(strings))
        f.write("".join(s + "\n" for s in strings))
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write("".join("true\n" if is_valid(s) else "false\n" for s in strings))


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


def mixed(t, lo, hi):
    out = []
    for _ in range(t):
        n = rng.randint(lo, hi)
        if n % 2:
            n += 1
        s = rand_valid(n)
        out.append(s if rng.random() < 0.5 else corrupt(s))
    return out


def main():
    write("sample", "1", ["()", "()[]{}", "(]"])
    write("sample", "2", ["([])", "([)]", "{[()()]}", "((", "]"])

    exhaustive = ["".join(p) for L in range(1, 5) for p in itertools.product(OPEN + CLOSE, repeat=L)]
    crossing = []
    for k in (1, 2, 3, 10, 100, 1000, 10000):
        a, b = rng.sample(range(3), 2)
        crossing.append(OPEN[a] * k + OPEN[b] * k + CLOSE[a] * k + CLOSE[b] * k)
    crossing.append(deep(2000) + ")(")
    crossing.append(")(" + deep(2000))
    secret = [
        ["("],
        [")"],
        ["()"],
        exhaustive,
        mixed(MAXT, 1, 20),
        mixed(1000, 100, 300),
        crossing,
        [deep(MAXLEN, "(")],
        [deep(300000)],
        [one_mismatch_in_the_middle(100000)],
        ["(" + rand_valid(MAXLEN - 2) + ")"],
        ["[" + rand_valid(MAXLEN // 5 - 2)],
    ]
    for k, strings in enumerate(secret, 1):
        write("secret", "%02d" % k, strings)


if __name__ == "__main__":
    main()
