"""Writes every test of add-two-numbers: python3 gen.py (deterministic)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXLEN = 100000


def solve(x, y):
    out = []
    carry = 0
    for k in range(max(len(x), len(y))):
        s = carry + (x[k] if k < len(x) else 0) + (y[k] if k < len(y) else 0)
        out.append(s % 10)
        carry = s // 10
    if carry:
        out.append(carry)
    return out


def validate(x):
    assert 1 <= len(x) <= MAXLEN
    assert all(0 <= d <= 9 for d in x)
    assert len(x) == 1 or x[-1] != 0


def write(kind, name, x, y):
    validate(x)
    validate(y)
    z = solve(x, y)
    # cross-check with Python integers on inputs small enough for int()
    if len(x) < 4000 and len(y) < 4000:
        num = lambda l: int("".join(map(str, reversed(l))))
        assert num(z) == num(x) + num(y)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    # A function problem's test: l1 and l2, one JSON value per line (a list as the array of its
    # values, first node first); the answer is the returned list, in canonical JSON.
    compact = {"separators": (",", ":")}
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(x, **compact) + "\n" + json.dumps(y, **compact) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(z, **compact) + "\n")


def number(rng, length, top=None):
    """A random digit list (ones digit first) of exactly `length` digits."""
    if length == 1:
        return [rng.randint(0, 9)]
    digits = [rng.randint(0, 9) for _ in range(length - 1)]
    digits.append(top if top is not None else rng.randint(1, 9))
    return digits


def main():
    rng = random.Random(424242)

    write("sample", "1", [2, 4, 3], [5, 6, 4])
    write("sample", "2", [9] * 7, [9] * 4)

    secret = []
    secret.append(([0], [0]))                                   # 0 + 0
    secret.append(([5], [5]))                                   # carry creates a new digit
    secret.append(([0], [1, 2, 3]))                             # zero plus a number
    secret.append(([9], [9, 9, 9, 9, 9]))                       # short list, long carry
    secret.append((number(rng, 10), number(rng, 3)))            # small, different lengths
    secret.append((number(rng, 19, 9), number(rng, 19, 9)))     # just past 64-bit integers
    secret.append(([9] * MAXLEN, [1]))                          # carry through 10^5 digits
    secret.append((number(rng, MAXLEN), number(rng, MAXLEN)))   # large random
    secret.append((number(rng, 1), number(rng, 50000)))         # one digit plus a long number
    secret.append(([9] * MAXLEN, [9] * MAXLEN))                 # largest sum
    # long stretches of digit pairs summing to 9, so one carry ripples a long way
    x = number(rng, 50000)
    x[0] = rng.randint(1, 9)
    y = [9 - d for d in x[:30000]]
    y[0] = 10 - x[0]                                            # x[0] + y[0] = 10 starts the carry
    y[-1] = y[-1] or 1
    secret.append((x, y))
    secret.append(([0] * 29999 + [1], [0] * 29999 + [1]))       # 2 * 10^29999

    for i, (x, y) in enumerate(secret, 1):
        write("secret", "%02d" % i, x, y)


main()
