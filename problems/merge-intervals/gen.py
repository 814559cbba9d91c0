#!/usr/bin/env python3
"""Deterministic generator for merge-intervals: writes tests/sample and tests/secret.

A function problem's test: intervals, one JSON array of [start, end] pairs on one line; the answer
is the merged intervals as a JSON array, sorted by start (the problem accepts them in any order).
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 50000
MAXV = 10**9
rng = random.Random(20240611)


def solve(iv):
    """Reference: sort by start, sweep."""
    out = []
    for l, r in sorted(iv):
        if out and l <= out[-1][1]:
            if r > out[-1][1]:
                out[-1][1] = r
        else:
            out.append([l, r])
    return out


def brute(iv):
    """Union of the covered points, on a compressed axis, for small inputs."""
    groups = [[l, r] for l, r in iv]
    changed = True
    while changed:
        changed = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                a, b = groups[i], groups[j]
                if b[0] <= a[1] and a[0] <= b[1]:
                    groups[i] = [min(a[0], b[0]), max(a[1], b[1])]
                    del groups[j]
                    changed = True
                    break
            if changed:
                break
    return sorted(groups)


def check_input(iv):
    assert 1 <= len(iv) <= MAXN
    assert all(0 <= l <= r <= MAXV for l, r in iv)


def write(kind, name, iv):
    check_input(iv)
    ans = solve(iv)
    if len(iv) <= 300:
        assert ans == brute(iv)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    compact = {"separators": (",", ":")}
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps([[l, r] for l, r in iv], **compact) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(ans, **compact) + "\n")


def shuffled(iv):
    iv = list(iv)
    rng.shuffle(iv)
    return iv


def random_intervals(n, hi, maxlen):
    out = []
    for _ in range(n):
        l = rng.randint(0, hi)
        r = min(hi, l + rng.randint(0, maxlen))
        out.append((l, r))
    return out


def main():
    write("sample", "1", [(1, 3), (2, 6), (8, 10), (15, 18)])
    write("sample", "2", [(1, 4), (4, 5)])

    secret = []
    # minimum size
    secret.append([(0, 0)])
    secret.append([(0, MAXV)])
    # duplicates only
    secret.append([(7, 7)] * 5)
    # nested intervals, unsorted: a later start can end earlier
    secret.append(shuffled([(1, 10), (2, 3), (4, 5), (6, 12), (20, 25), (21, 22)]))
    # touching chain, and neighbours that share no point (100..100 and 101..102)
    secret.append(shuffled([(k, k + 1) for k in range(10)] + [(100, 100), (101, 102)]))
    # single points and the extremes of the value bounds
    secret.append(shuffled([(MAXV, MAXV), (0, 0), (5, 5), (5, 5), (MAXV - 1, MAXV), (0, 1), (3, 4)]))
    # small random
    secret.append(random_intervals(20, 50, 6))
    secret.append(random_intervals(300, 3000, 20))
    # largest n, mostly disjoint (a quadratic merge is too slow), unsorted
    pts = sorted(rng.sample(range(0, 4 * 10**6), 2 * MAXN))
    iv = [[pts[2 * k], pts[2 * k + 1]] for k in range(MAXN)]
    for k in rng.sample(range(MAXN - 1), MAXN // 10):
        iv[k][1] = iv[k + 1][0] + rng.randint(0, 1)  # touch or overlap the next one
    secret.append(shuffled(tuple(x) for x in iv))
    # nested inside a few long intervals, values up to 10^9
    iv = []
    for _ in range(20000 - 2):
        base = rng.choice((0, 3 * 10**8, 7 * 10**8))
        l = base + rng.randint(0, 10**8)
        iv.append((l, l + rng.randint(0, 10**8 - (l - base))))
    iv += [(0, 10**8), (3 * 10**8, 4 * 10**8 - 1)]
    secret.append(shuffled(iv))
    # random lengths, moderate overlap
    secret.append(random_intervals(30000, 10**6, 40))
    # a touching chain given in decreasing order: everything merges into one interval
    secret.append([(2 * k, 2 * k + 2) for k in range(20000 - 1, -1, -1)])

    for k, iv in enumerate(secret, 1):
        write("secret", "%02d" % k, iv)


if __name__ == "__main__":
    main()
