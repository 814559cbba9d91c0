#!/usr/bin/env python3
"""Deterministic generator for lru-cache: writes tests/sample and tests/secret.

A design problem's test, as LeetCode writes it: the calls (the constructor first) on one line,
their arguments on the next; the answer is what each call returned, null for the constructor
and for put.
"""
import json
import os
import random
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
MAXC = 100000
MAXQ = 100000
MAXK = 100000
MAXV = 10**9
rng = random.Random(20240617)


def solve(capacity, ops):
    """Reference: OrderedDict ordered from least to most recently used."""
    cache = OrderedDict()
    out = []
    for op in ops:
        if op[0] == "put":
            _, k, v = op
            if k in cache:
                cache.move_to_end(k)
            elif len(cache) == capacity:
                cache.popitem(last=False)
            cache[k] = v
        else:
            k = op[1]
            if k in cache:
                cache.move_to_end(k)
                out.append(cache[k])
            else:
                out.append(-1)
    return out


def brute(capacity, ops):
    """Timestamps of last use; evict the smallest one."""
    val, last = {}, {}
    out = []
    for t, op in enumerate(ops):
        if op[0] == "put":
            _, k, v = op
            if k not in val and len(val) == capacity:
                old = min(last, key=last.get)
                del val[old], last[old]
            val[k] = v
            last[k] = t
        else:
            k = op[1]
            if k in val:
                last[k] = t
                out.append(val[k])
            else:
                out.append(-1)
    return out


def check_input(capacity, ops):
    assert 1 <= capacity <= MAXC
    assert 1 <= len(ops) <= MAXQ
    assert any(op[0] == "get" for op in ops)
    for op in ops:
        assert 0 <= op[1] <= MAXK
        if op[0] == "put":
            assert len(op) == 3 and 0 <= op[2] <= MAXV
        else:
            assert op[0] == "get" and len(op) == 2


def write(kind, name, capacity, ops):
    check_input(capacity, ops)
    ans = solve(capacity, ops)
    if len(ops) <= 3000:
        assert ans == brute(capacity, ops)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    calls = ["LRUCache"] + [op[0] for op in ops]
    args = [[capacity]] + [list(op[1:]) for op in ops]
    got = iter(ans)
    returned = [None] + [next(got) if op[0] == "get" else None for op in ops]
    compact = {"separators": (",", ":")}
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(calls, **compact) + "\n" + json.dumps(args, **compact) + "\n")
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write(json.dumps(returned, **compact) + "\n")


def parse(text):
    ops = []
    for line in text.strip().split("\n"):
        w = line.split()
        ops.append((w[0],) + tuple(int(x) for x in w[1:]))
    return ops


def random_ops(q, keys, p_get, maxv):
    ops = []
    for _ in range(q):
        k = rng.choice(keys)
        if rng.random() < p_get:
            ops.append(("get", k))
        else:
            ops.append(("put", k, rng.randint(0, maxv)))
    return ops


def main():
    write("sample", "1", 2, parse("""
put 1 1
put 2 2
get 1
put 3 3
get 2
put 4 4
get 1
get 3
get 4"""))
    write("sample", "2", 1, parse("""
put 2 1
get 2
put 3 2
get 2
get 3
put 3 5
get 3"""))

    secret = []
    # a get on an empty cache
    secret.append((1, [("get", 0)]))
    # extremes of keys and values, value 0, updates
    secret.append((1, parse("""
put 0 0
get 0
put 0 7
get 0
put 100000 1000000000
get 0
get 100000""")))
    # updating a key of a full cache removes nothing
    secret.append((2, parse("""
put 1 1
put 2 2
put 2 20
get 1
get 2""")))
    # updating a key makes it the most recently used
    secret.append((2, parse("""
put 1 1
put 2 2
put 1 10
put 3 3
get 1
get 2
get 3""")))
    # a get makes the key the most recently used; a missing get changes nothing
    secret.append((3, parse("""
put 1 1
put 2 2
put 3 3
get 1
get 9
put 4 4
get 2
get 3
put 5 5
get 1
get 3
get 4
get 5""")))
    # small random
    secret.append((3, random_ops(60, list(range(7)), 0.5, 20)))
    secret.append((10, random_ops(2000, list(range(30)), 0.5, 1000)))
    # capacity 1, many evictions
    secret.append((1, random_ops(20000, list(range(4)), 0.5, 9)))
    # the capacity is never reached
    secret.append((MAXC, random_ops(20000, rng.sample(range(MAXK + 1), 5000), 0.5, MAXV)))
    # largest: fill 50000 keys, then use random keys, mostly recent ones (a list scan is slow)
    keys = rng.sample(range(MAXK + 1), 50000)
    ops = [("put", k, rng.randint(0, 99)) for k in keys]
    recent = list(keys)
    while len(ops) < MAXQ:
        if rng.random() < 0.5:
            k = recent[-rng.randint(1, 200)]
        else:
            k = rng.choice(keys)
        recent.append(k)
        if rng.random() < 0.7:
            ops.append(("get", k))
        else:
            ops.append(("put", k, rng.randint(0, 99)))
    secret.append((MAXC, ops))
    # evictions in a large cache, keys over a wider range than the capacity
    secret.append((1000, random_ops(50000, list(range(1500)), 0.5, 999)))

    for k, (capacity, ops) in enumerate(secret, 1):
        write("secret", "%02d" % k, capacity, ops)


if __name__ == "__main__":
    main()
