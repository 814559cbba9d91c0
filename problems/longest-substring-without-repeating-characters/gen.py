"""Writes every test of longest-substring-without-repeating-characters: python3 gen.py.

A function problem's test: the one parameter s as a JSON string on one line; the answer is the
returned length.
"""
import json
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 50000
ALPHABET = "".join(chr(c) for c in range(33, 127))    # printable ASCII without the space


def solve(s):
    last = {}
    left = 0
    best = 0
    for i, c in enumerate(s):
        if last.get(c, -1) >= left:
            left = last[c] + 1
        last[c] = i
        best = max(best, i - left + 1)
    return best


def brute(s):
    best = 0
    for i in range(len(s)):
        seen = set()
        for c in s[i:]:
            if c in seen:
                break
            seen.add(c)
        best = max(best, len(seen))
    return best


def validate(s):
    assert 0 <= len(s) <= MAXN
    assert all(32 <= ord(c) <= 126 for c in s)


def write(kind, name, s):
    validate(s)
    ans = solve(s)
    if len(s) <= 5000:
        assert ans == brute(s)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(s) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write("%d\n" % ans)


def rand_str(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def main():
    rng = random.Random(31337)

    write("sample", "1", "abcabcbb")
    write("sample", "2", "bbbbb")
    write("sample", "3", "pwwkew")

    secret = []
    secret.append("")                                        # empty string
    secret.append("~")                                       # one character
    secret.append(" ")                                       # a space is a character too
    secret.append("a b c a")                                 # spaces repeat as well
    secret.append("abba")                                    # old repeat left of the window
    secret.append("dvdf")                                    # window must keep "v"
    secret.append("tmmzuxt")
    perm = list(ALPHABET)
    rng.shuffle(perm)
    secret.append("".join(perm))                             # every character once: 94
    secret.append("aA1!" + rand_str(rng, 296, string.ascii_lowercase))  # small random
    secret.append(rand_str(rng, MAXN, ALPHABET))             # large random, full alphabet
    secret.append("Z" * MAXN)                                # large, all equal
    secret.append(("".join(perm) * (MAXN // len(perm) + 1))[:MAXN])  # periodic: 94
    block = list(string.ascii_lowercase)                     # 'ab' noise with one planted run
    rng.shuffle(block)
    noise = rand_str(rng, MAXN - 26, "ab")
    secret.append(noise[:32100] + "".join(block) + noise[32100:])
    secret.append(rand_str(rng, MAXN, string.digits))        # large, digits only
    secret.append(rand_str(rng, 30000, string.ascii_letters[:20]))  # medium alphabet

    for i, s in enumerate(secret, 1):
        write("secret", "%02d" % i, s)


main()
