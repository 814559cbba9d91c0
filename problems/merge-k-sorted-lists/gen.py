"""Deterministic test generator for merge-k-sorted-lists.

Run `python3 gen.py` from anywhere: it rewrites tests/sample and tests/secret.

A function problem's test: one line, `lists` as a JSON array of lists, each list the array of its
values, head first; the answer is the merged list, in canonical JSON.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(7771)

MAX_K = 10 ** 4
MAX_N = 10 ** 5
MAX_V = 10 ** 9


def merged(lists):
    """Trusted reference: every value, sorted."""
    out = []
    for lst in lists:
        out.extend(lst)
    out.sort()
    return out


def write(path, lists):
    assert 0 <= len(lists) <= MAX_K
    assert sum(len(l) for l in lists) <= MAX_N
    for l in lists:
        assert all(-MAX_V <= v <= MAX_V for v in l)
        assert all(l[i] <= l[i + 1] for i in range(len(l) - 1))
    compact = {"separators": (",", ":")}
    with open(path + ".in", "w", newline="\n") as f:
        f.write(json.dumps(lists, **compact) + "\n")
    with open(path + ".ans", "w", newline="\n") as f:
        f.write(json.dumps(merged(lists), **compact) + "\n")


def rand_list(n, lo, hi):
    return sorted(R.randint(lo, hi) for _ in range(n))


def main():
    sample = os.path.join(HERE, "tests", "sample")
    secret = os.path.join(HERE, "tests", "secret")
    os.makedirs(sample, exist_ok=True)
    os.makedirs(secret, exist_ok=True)
    for d in (sample, secret):
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))

    write(os.path.join(sample, "1"), [[1, 4, 5], [1, 3, 4], [2, 6]])
    write(os.path.join(sample, "2"), [[], [-2, 0, 0], [], [-3]])

    tests = []
    # 01: no lists at all
    tests.append([])
    # 02: one empty list
    tests.append([[]])
    # 03: a single value at the lower bound
    tests.append([[-MAX_V]])
    # 04: one list only
    tests.append([rand_list(1000, -MAX_V, MAX_V)])
    # 05: several lists, all empty but one, and both value bounds
    tests.append([[], [], [-MAX_V, -5, 0, 0, 7, MAX_V], [], []])
    # 06: heavy duplicates
    tests.append([rand_list(R.randint(0, 100), -1, 1) for _ in range(200)])
    # 07: values at both extremes (a subtracting comparator overflows here)
    lists = []
    for _ in range(300):
        n = R.randint(0, 130)
        vals = [R.choice([-MAX_V, MAX_V, -MAX_V + R.randint(0, 10), MAX_V - R.randint(0, 10),
                          R.randint(-MAX_V, MAX_V)]) for _ in range(n)]
        lists.append(sorted(vals))
    tests.append(lists)
    # 08: negative values only, random lengths
    lists = []
    left = 10000
    for _ in range(1000):
        n = min(left, R.randint(0, 20))
        left -= n
        lists.append(rand_list(n, -MAX_V, -1))
    tests.append(lists)
    # 09: k and N at their maxima: 10^4 lists of 10 values
    tests.append([rand_list(10, -999, 999) for _ in range(MAX_K)])
    # 10: 10^4 lists, most of them empty
    lists = [[] for _ in range(MAX_K)]
    for i in R.sample(range(MAX_K), 1000):
        lists[i] = rand_list(30, -10 ** 6, 10 ** 6)
    tests.append(lists)
    # 11: two long lists that interleave
    a = rand_list(5000, -MAX_V, MAX_V)
    b = rand_list(5000, -MAX_V, MAX_V)
    tests.append([a, b])
    # 12: 10^4 single-value lists given in decreasing order of their values
    tests.append([[v] for v in sorted((R.randint(-MAX_V, MAX_V) for _ in range(MAX_K)), reverse=True)])
    # 13: unbalanced lengths: one long list and many short ones, disjoint ranges
    lists = [rand_list(8000, 0, 10 ** 5)]
    for i in range(99):
        lists.append(rand_list(R.randint(0, 30), -10 ** 5 + i * 2000, -10 ** 5 + i * 2000 + 1999))
    R.shuffle(lists)
    tests.append(lists)

    for idx, lists in enumerate(tests, 1):
        write(os.path.join(secret, "%02d" % idx), lists)


if __name__ == "__main__":
    main()
