"""Writes every test of group-anagrams: python3 gen.py (deterministic).

A function problem's test: strs, one JSON array on one line; the answer is the groups as a JSON
array of arrays (in one order: the problem accepts any order of the groups and within them).
"""
import itertools
import json
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100000
MAXLEN = 100
MAXTOTAL = 300000
LOWER = string.ascii_lowercase


def solve(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    result = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
    return result


def brute(words):
    # quadratic cross-check for small inputs: anagrams <=> equal letter counts
    counts = lambda w: tuple(w.count(c) for c in LOWER)
    groups = []
    for w in words:
        for g in groups:
            if counts(g[0]) == counts(w):
                g.append(w)
                break
        else:
            groups.append([w])
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def validate(words):
    assert 1 <= len(words) <= MAXN
    assert all(1 <= len(w) <= MAXLEN and set(w) <= set(LOWER) for w in words)
    assert sum(map(len, words)) <= MAXTOTAL


def write(kind, name, words):
    validate(words)
    result = solve(words)
    if len(words) <= 2000:
        assert result == brute(words)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    compact = {"separators": (",", ":")}
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(words, **compact) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(result, **compact) + "\n")


def shuffled(rng, w):
    letters = list(w)
    rng.shuffle(letters)
    return "".join(letters)


def rand_word(rng, lo, hi, alphabet=LOWER):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def main():
    rng = random.Random(5150)

    write("sample", "1", ["eat", "tea", "tan", "ate", "nat", "bat"])
    write("sample", "2", ["ab", "ba", "ab", "c", "abc"])

    secret = []
    secret.append(["a"])                                         # one word
    secret.append(["abc", "abc"])                                # the same word twice
    secret.append(["ab", "ba", "aab", "abb", "bba", "bab", "baa"])  # same letters, other counts
    secret.append(["ad", "bc", "cb", "da", "be", "eb", "cc", "af"])  # equal letter-code sums
    secret.append(["b", "a", "ab", "aa", "ba", "aab", "aba", "baa", "abc", "c", "bca", "a"])
    secret.append([rand_word(rng, 1, 6, "abc") for _ in range(1000)])   # small random
    secret.append([rand_word(rng, 1, 5, "abcde") for _ in range(40000)])  # few large groups
    # 30000 different groups: the quadratic grouping is far too slow here
    keys = set()
    while len(keys) < 30000:
        keys.add("".join(sorted(rand_word(rng, 3, 7))))
    secret.append([shuffled(rng, k) for k in sorted(keys)])
    rng.shuffle(secret[-1])
    # long words: 3000 words of length 100 from 30 letter multisets
    bases = [rand_word(rng, 100, 100, LOWER[:rng.randint(2, 26)]) for _ in range(30)]
    secret.append([shuffled(rng, rng.choice(bases)) for _ in range(3000)])
    # one huge group: 30000 arrangements of "abcd"
    secret.append([shuffled(rng, "abcd") for _ in range(30000)])
    secret.append([rand_word(rng, 1, 3) for _ in range(20000)])          # short words, all letters
    # many words with equal letter-code sums that are not anagrams
    pool = ["".join(p) for p in itertools.product("abcdez", repeat=3)]
    secret.append([rng.choice(pool) for _ in range(5000)])

    for i, words in enumerate(secret, 1):
        write("secret", "%02d" % i, words)


main()
