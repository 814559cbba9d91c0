"""Deterministic test generator for regular-expression-matching.

Run `python3 gen.py` from anywhere: it rewrites tests/sample and tests/secret.

A function problem's test is one call: s, then p, one JSON string per line; the answer is the
returned bool. Each group below makes PER_GROUP tests (its first queries), so the whole set stays
quick to judge in every language.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20240611)

MAX_Q = 20
PER_GROUP = 2
MAX_S = 200
MAX_P = 200
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def is_match(s, p):
    """Trusted reference: dp[i][j] = s[i:] matches p[j:]."""
    n, m = len(s), len(p)
    dp = [[False] * (m + 2) for _ in range(n + 2)]
    dp[n][m] = True
    for i in range(n, -1, -1):
        for j in range(m - 1, -1, -1):
            if p[j] == '*':
                continue
            first = i < n and (p[j] == '.' or p[j] == s[i])
            if j + 1 < m and p[j + 1] == '*':
                dp[i][j] = dp[i][j + 2] or (first and dp[i + 1][j])
            else:
                dp[i][j] = first and dp[i + 1][j + 1]
    return dp[0][0]


def valid(s, p):
    if not (1 <= len(s) <= MAX_S and 1 <= len(p) <= MAX_P):
        return False
    if not all(c in LETTERS for c in s):
        return False
    if not all(c in LETTERS or c in ".*" for c in p):
        return False
    for j, c in enumerate(p):
        if c == '*' and (j == 0 or p[j - 1] == '*'):
            return False
    return True


def random_pattern(length, alphabet, star_prob=0.4, dot_prob=0.15):
    """A random pattern of exactly `length` characters (length >= 1)."""
    out = []
    while len(out) < length:
        c = '.' if R.random() < dot_prob else R.choice(alphabet)
        if len(out) + 2 <= length and R.random() < star_prob:
            out.append(c)
            out.append('*')
        else:
            out.append(c)
    return "".join(out)


def derived_pattern(s, max_len, alphabet, dot_prob=0.15, wild_prob=0.1, noise_prob=0.2):
    """A pattern built from s that matches it (if it fits in max_len), by covering s chunk by chunk."""
    parts = []
    i = 0
    n = len(s)
    while i < n:
        r = R.random()
        if r < wild_prob:
            # ".*" swallowing a random chunk
            k = R.randint(0, min(6, n - i))
            parts.append(".*")
            i += k
        elif r < wild_prob + 0.3:
            # run of equal letters -> "c*" (possibly preceded by a literal copy)
            c = s[i]
            j = i
            while j < n and s[j] == c:
                j += 1
            take = R.randint(0, j - i)
            parts.append(c * take)
            parts.append((c if R.random() > dot_prob else '.') + "*")
            i = j
        else:
            parts.append('.' if R.random() < dot_prob else s[i])
            i += 1
        if R.random() < noise_prob:
            parts.append(R.choice(alphabet) + "*")
    p = "".join(parts)
    if not p:
        p = ".*"
    return p


def derived_fit(s, max_len, alphabet, dot_prob=0.15, wild_prob=0.1, noise_prob=0.2):
    """derived_pattern, retried with more compression until it fits in max_len."""
    while True:
        p = derived_pattern(s, max_len, alphabet, dot_prob, wild_prob, noise_prob)
        if len(p) <= max_len:
            return p
        wild_prob = min(0.6, wild_prob + 0.02)
        noise_prob = max(0.0, noise_prob - 0.02)


def mutate(p, alphabet):
    """Change one letter of the pattern (keeping it valid)."""
    idx = [j for j, c in enumerate(p) if c in LETTERS]
    if not idx:
        return p + R.choice(alphabet)
    j = R.choice(idx)
    choices = [c for c in alphabet if c != p[j]] or ['z']
    return p[:j] + R.choice(choices) + p[j + 1:]


def fix(p):
    """Drop stars that would be invalid after truncation/mutation."""
    out = []
    for c in p:
        if c == '*' and (not out or out[-1] == '*'):
            continue
        out.append(c)
    return "".join(out) or "a"


def rand_string(n, alphabet):
    return "".join(R.choice(alphabet) for _ in range(n))


def write(path, s, p):
    assert valid(s, p), (s, p)
    with open(path + ".in", "w", newline="\n") as f:
        f.write(json.dumps(s) + "\n" + json.dumps(p) + "\n")
    with open(path + ".ans", "w", newline="\n") as f:
        f.write(json.dumps(is_match(s, p)) + "\n")


def main():
    sample = os.path.join(HERE, "tests", "sample")
    secret = os.path.join(HERE, "tests", "secret")
    os.makedirs(sample, exist_ok=True)
    os.makedirs(secret, exist_ok=True)
    for d in (sample, secret):
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))

    for k, (s, p) in enumerate([("aa", "a"), ("aa", "a*"), ("ab", ".*")], 1):
        write(os.path.join(sample, str(k)), s, p)

    tests = []

    # 01: one-letter strings
    tests.append([("a", "."), ("a", "b"), ("a", "a*"), ("a", "b*a"), ("a", "a*a"), ("a", ".*."),
                  ("a", "ab*"), ("a", "ab"), ("b", "a*"), ("z", ".*z*"), ("a", "a"), ("a", ".*"),
                  ("a", "aa*"), ("a", "a.*"), ("a", ".."), ("a", "a*a*a*"), ("a", "b*c*d*"),
                  ("q", "q*q"), ("a", "a*b"), ("a", "a*."),])

    # 02: tiny random over {a, b}
    qs = []
    for _ in range(MAX_Q):
        s = rand_string(R.randint(1, 6), "ab")
        p = random_pattern(R.randint(1, 8), "ab", star_prob=0.6, dot_prob=0.3)
        qs.append((s, p))
    tests.append(qs)

    # 03: small derived patterns over {a, b, c}, some mutated
    qs = []
    for _ in range(MAX_Q):
        s = rand_string(R.randint(1, 15), "abc")
        p = derived_fit(s, MAX_P, "abc")
        if R.random() < 0.4:
            p = fix(mutate(p, "abc"))
        qs.append((s, p))
    tests.append(qs)

    # 04: a greedy "x*" must give letters back
    tests.append([("aaa", "a*a"), ("aaab", "a*ab"), ("abbbc", "ab*bbc"), ("aaaa", "a*aaaa"),
                  ("aa", "a*aa"), ("ab", ".*b"), ("abcabc", ".*abc"), ("aaa", "a*aaaa"),
                  ("abab", ".*ab.*ab"), ("xyzxyz", ".*z"), ("aab", "a*.b"), ("aaaab", "a*a*ab"),
                  ("bbbba", ".*a*a"), ("abc", ".*c*c"), ("mississippi", "mis*is*ip*."),
                  ("aaa", "ab*a*c*a"), ("aaca", "ab*a*c*a"), ("ab", ".*..c*"), ("abcd", ".*d.*"),
                  ("a", ".*..a*")])

    # 05: starred elements that match nothing at the start of the pattern
    tests.append([("b", "a*b"), ("c", "a*b*c"), ("ab", "c*d*.*"), ("x", ".*x"), ("ab", "z*ab"),
                  ("aab", "c*a*b"), ("a", "c*a"), ("ba", "a*b*a*"), ("abc", "x*y*z*abc"),
                  ("abc", "x*y*z*abd"), ("cab", "c*a*b*"), ("b", "a*a*a*b"), ("b", ".*b*"),
                  ("d", "a*b*c*"), ("e", "e*e*e*"), ("aa", "b*a*"), ("ab", "b*a*b"), ("ba", "b*a*b"),
                  ("c", "a*b*c*d*"), ("zz", "y*z*z")])

    # 06: medium random over {a, b}, derived and mutated
    qs = []
    for _ in range(MAX_Q):
        s = rand_string(R.randint(50, 100), "ab")
        p = derived_fit(s, MAX_P, "ab", wild_prob=0.05)
        if R.random() < 0.5:
            p = fix(mutate(p, "ab"))
        qs.append((s, p))
    tests.append(qs)

    # 07: maximal sizes, patterns derived from s (mostly true)
    qs = []
    for _ in range(MAX_Q):
        s = rand_string(MAX_S, "abc")
        p = derived_fit(s, MAX_P, "abc", wild_prob=0.03, noise_prob=0.1)
        qs.append((s, fix(p)))
    tests.append(qs)

    # 08: maximal sizes, derived then mutated (mostly false)
    qs = []
    for _ in range(MAX_Q):
        s = rand_string(MAX_S, "ab")
        p = derived_fit(s, MAX_P, "ab", wild_prob=0.03, noise_prob=0.1)
        for _ in range(R.randint(1, 2)):
            p = fix(mutate(p, "ab"))
        qs.append((s, p))
    tests.append(qs)

    # 09: exponential for plain backtracking: runs of a* that cannot finish
    qs = []
    for t in range(MAX_Q):
        n = R.randint(25, MAX_S)
        k = R.randint(12, 99)
        tail = R.choice(["b", "c", "ab", "ba", ".b"])
        qs.append(("a" * n, ("a*" * k + tail)[:MAX_P]))
    tests.append([(s, fix(p)) for s, p in qs])

    # 10: ".*" chains and mixed stars on long strings
    qs = []
    for t in range(MAX_Q):
        n = R.randint(100, MAX_S)
        if t % 4 == 0:
            s = "a" * n
            p = (".*a" * 66)[:MAX_P - 1] + "b"
        elif t % 4 == 1:
            s = "a" * (n - 1) + "b"
            p = ("a*" * 60 + ".*" * 30 + "b")
        elif t % 4 == 2:
            s = "ab" * (n // 2)
            p = (".*ab" * 49) + ".*c"
        else:
            s = "a" * n
            p = ("a*.*" * 49) + "a"
        qs.append((s, fix(p[:MAX_P])))
    tests.append(qs)

    # 11: maximal sizes, full alphabet, random patterns and derived ones
    qs = []
    for t in range(MAX_Q):
        if t % 2 == 0:
            s = rand_string(MAX_S, LETTERS)
            p = derived_fit(s, MAX_P, LETTERS, dot_prob=0.3, wild_prob=0.05)
            if t % 4 == 2:
                p = mutate(p, LETTERS)
        else:
            s = rand_string(R.randint(150, MAX_S), "xy")
            p = random_pattern(MAX_P, "xy", star_prob=0.6, dot_prob=0.3)
        qs.append((s, fix(p)))
    tests.append(qs)

    # 12: long strings of equal letters against starred patterns
    qs = []
    for t in range(MAX_Q):
        n = R.randint(150, MAX_S)
        s = "b" * n
        k = R.randint(1, 60)
        if t % 2 == 0:
            p = "b*" * k + "b" * R.randint(0, 60) + "b*" * R.randint(0, 30)
        else:
            p = "b" * (n - R.randint(0, 3)) + "a*" * R.randint(0, 0)
            p = p[:MAX_P]
        qs.append((s, fix(p[:MAX_P])))
    tests.append(qs)

    chosen = [("aab", "c*a*b"), ("mississippi", "mis*is*p*."), ("ab", ".*c"), ("abc", "a.c")]
    for qs in tests:
        assert 1 <= len(qs) <= MAX_Q, len(qs)
        chosen.extend(qs[:PER_GROUP])
    for idx, (s, p) in enumerate(chosen, 1):
        write(os.path.join(secret, "%02d" % idx), s, p)


if __name__ == "__main__":
    main()
