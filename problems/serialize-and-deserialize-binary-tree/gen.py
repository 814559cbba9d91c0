"""Deterministic test generator for serialize-and-deserialize-binary-tree.

Run `python3 gen.py` from anywhere: it rewrites tests/sample and tests/secret.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(99173)

MAX_T = 10 ** 4
MAX_NODES = 5 * 10 ** 4
MAX_V = 1000


class Tree:
    """val/left/right arrays, -1 = no node; node 0 is the root (if any)."""

    def __init__(self):
        self.val, self.left, self.right = [], [], []

    def add(self, v):
        self.val.append(v)
        self.left.append(-1)
        self.right.append(-1)
        return len(self.val) - 1

    @property
    def n(self):
        return len(self.val)

    def root(self):
        return 0 if self.val else -1


def level_full(t):
    """Full level-order listing (2n+1 tokens): the trusted serializer."""
    if t.n == 0:
        return ["null"]
    out = [str(t.val[0])]
    order = [0]
    h = 0
    while h < len(order):
        u = order[h]
        h += 1
        for c in (t.left[u], t.right[u]):
            if c < 0:
                out.append("null")
            else:
                out.append(str(t.val[c]))
                order.append(c)
    assert len(out) == 2 * t.n + 1
    return out


def level_canonical(t):
    out = level_full(t)
    while out and out[-1] == "null":
        out.pop()
    return out


def preorder(t):
    out = []
    stack = [t.root()]
    while stack:
        u = stack.pop()
        if u < 0:
            out.append("null")
        else:
            out.append(str(t.val[u]))
            stack.append(t.right[u])
            stack.append(t.left[u])
    assert len(out) == 2 * t.n + 1
    return out


def shape(t):
    """A canonical description of the tree (values in preorder with structure)."""
    return tuple(preorder(t))


def parse_level(toks):
    """Independent (simple) parser used to double-check the serializers."""
    t = Tree()
    if not toks or toks[0] == "null":
        return t
    t.add(int(toks[0]))
    k = 1
    h = 0
    while h < t.n and k < len(toks):
        if toks[k] != "null":
            t.left[h] = t.add(int(toks[k]))
        k += 1
        if k < len(toks) and toks[k] != "null":
            t.right[h] = t.add(int(toks[k]))
        k += 1
        h += 1
    return t


def rv():
    return R.randint(-MAX_V, MAX_V)


def small():
    return R.randint(0, 99)


def digit():
    return R.randint(0, 9)


def random_tree(n, vals=rv, recent=0.0):
    """Random tree by filling random free child slots; with probability `recent` the
    newest slots are preferred, which makes the tree deep."""
    t = Tree()
    if n == 0:
        return t
    t.add(vals())
    free = [(0, 0), (0, 1)]
    while t.n < n:
        if recent and R.random() < recent:
            i = len(free) - 1 - min(len(free) - 1, int(R.expovariate(1.0)))
        else:
            i = R.randrange(len(free))
        free[i], free[-1] = free[-1], free[i]
        u, side = free.pop()
        c = t.add(vals())
        if side == 0:
            t.left[u] = c
        else:
            t.right[u] = c
        free.append((c, 0))
        free.append((c, 1))
    return t


def chain(n, kind, vals=rv):
    t = Tree()
    prev = -1
    for i in range(n):
        c = t.add(vals())
        if prev >= 0:
            side = {"left": 0, "right": 1, "zigzag": i % 2, "random": R.randrange(2)}[kind]
            if side == 0:
                t.left[prev] = c
            else:
                t.right[prev] = c
        prev = c
    return t


def complete(n):
    t = Tree()
    for i in range(n):
        t.add(rv())
        if i > 0:
            p = (i - 1) // 2
            if i % 2 == 1:
                t.left[p] = i
            else:
                t.right[p] = i
    return t


def sparse(n, depth_bias=0.75):
    """Trees whose levels have gaps: a null slot followed by deeper nodes."""
    t = Tree()
    t.add(rv())
    frontier = [0]
    while t.n < n and frontier:
        nxt = []
        for u in frontier:
            for side in (0, 1):
                if t.n < n and R.random() < depth_bias:
                    c = t.add(rv())
                    if side == 0:
                        t.left[u] = c
                    else:
                        t.right[u] = c
                    nxt.append(c)
        if not nxt and t.n < n:
            u = frontier[-1]
            c = t.add(rv())
            t.left[u] = c
            nxt.append(c)
        frontier = nxt
    return t


def caterpillar(n, vals=rv):
    t = Tree()
    spine = t.add(vals())
    while t.n < n:
        leaf = t.add(vals())
        t.left[spine] = leaf
        if t.n < n:
            nxt = t.add(vals())
            t.right[spine] = nxt
            spine = nxt
    return t


def case(t, fmt, keep_trailing=None):
    """Returns (fmt, input tokens, answer tokens)."""
    if fmt == "level":
        full = level_full(t)
        canon = level_canonical(t)
        extra = len(full) - len(canon)
        if keep_trailing is None:
            keep = R.choice([0, 0, R.randint(0, extra), extra])
        elif keep_trailing == "all":
            keep = extra
        else:
            keep = min(extra, keep_trailing)
        toks = full[:len(canon) + keep]
        assert shape(parse_level(toks)) == shape(t)
        return ("level", toks, preorder(t))
    toks = preorder(t)
    return ("preorder", toks, level_canonical(t))


def write(path, cases):
    assert 1 <= len(cases) <= MAX_T
    total = 0
    with open(path + ".in", "w") as f:
        f.write("%d\n" % len(cases))
        for fmt, toks, _ in cases:
            f.write("%s %d\n%s\n" % (fmt, len(toks), " ".join(toks)))
            total += sum(1 for x in toks if x != "null")
    assert total <= MAX_NODES, total
    with open(path + ".ans", "w") as f:
        for _, _, ans in cases:
            f.write(" ".join([str(len(ans))] + ans) + "\n")


def main():
    sample = os.path.join(HERE, "tests", "sample")
    secret = os.path.join(HERE, "tests", "secret")
    os.makedirs(sample, exist_ok=True)
    os.makedirs(secret, exist_ok=True)
    for d in (sample, secret):
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))

    ex = parse_level("1 2 3 null null 4 5".split())
    write(os.path.join(sample, "1"), [case(ex, "level", 0), case(ex, "preorder")])
    empty = Tree()
    gap = parse_level("1 null 2 3".split())
    three = parse_level("2 1 3".split())
    write(os.path.join(sample, "2"), [case(empty, "level", 0), case(empty, "preorder"),
                                      case(gap, "level", 0), case(gap, "preorder"),
                                      case(three, "level", "all")])

    tests = []
    # 01: empty trees and single nodes, extreme values
    one = lambda v: parse_level([str(v)])
    tests.append([case(empty, "level", 0), case(empty, "level", "all"), case(empty, "preorder"),
                  case(one(-1000), "level", 0), case(one(1000), "level", "all"),
                  case(one(-1000), "preorder"), case(one(0), "preorder"), case(one(7), "level", 1),
                  case(parse_level("-1000 null 1000".split()), "level", 0),
                  case(parse_level("1000 -1000".split()), "preorder")])
    # 02: small random trees
    tests.append([case(random_tree(R.randint(0, 8)), R.choice(["level", "preorder"])) for _ in range(60)])
    # 03: perfect and complete trees
    tests.append([case(complete(1023), "level"), case(complete(1023), "preorder"),
                  case(complete(1000), "level", "all"), case(complete(1000), "preorder"),
                  case(complete(2), "level"), case(complete(6), "preorder")])
    # 04: trees with gaps in their levels
    tests.append([case(sparse(R.randint(50, 300), R.uniform(0.55, 0.8)), R.choice(["level", "preorder"]))
                  for _ in range(30)])
    # 05: paths of 500 nodes in every direction
    tests.append([case(chain(500, k), f) for k in ("left", "right", "zigzag") for f in ("level", "preorder")])
    # 06: repeated values
    tests.append([case(random_tree(R.randint(1, 60), vals=lambda: 0 if R.random() < 0.8 else -1),
                       R.choice(["level", "preorder"])) for _ in range(50)])
    # 07: the maximal number of trees, all tiny
    cases = []
    for _ in range(MAX_T):
        cases.append(case(random_tree(R.choice([0, 1, 1, 2, 3])), R.choice(["level", "preorder"])))
    tests.append(cases)
    # 08: one large random tree, level order with every trailing null
    tests.append([case(random_tree(15000), "level", "all")])
    # 09: one large random tree, preorder
    tests.append([case(random_tree(15000, vals=small), "preorder")])
    # 10: a left path of 5 * 10^4 nodes (the maximal depth), level order
    tests.append([case(chain(MAX_NODES, "left", vals=small), "level", 0)])
    # 11: a deep random tree, preorder
    tests.append([case(random_tree(20000, recent=0.97), "preorder")])
    # 12: a caterpillar (long right spine with left leaves), both formats
    tests.append([case(caterpillar(5000, vals=digit), "level", 0), case(caterpillar(5000, vals=digit), "preorder")])
    # 13: a random path of 2 * 10^4 nodes in preorder, plus medium trees
    tests.append([case(chain(10000, "random"), "preorder"), case(random_tree(3000, recent=0.5), "level"),
                  case(sparse(3000, 0.6), "preorder")])

    for idx, cases in enumerate(tests, 1):
        write(os.path.join(secret, "%02d" % idx), cases)


if __name__ == "__main__":
    main()
