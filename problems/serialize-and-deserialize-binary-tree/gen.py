"""Deterministic test generator for serialize-and-deserialize-binary-tree (a codec problem).

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


def as_json(t):
    """LeetCode's encoding of a tree: its canonical level order, null for no node."""
    return "[" + ",".join(level_canonical(t)) + "]"


def write(path, t):
    assert t.n <= MAX_NODES
    assert shape(parse_level(level_canonical(t))) == shape(t)
    # A codec's test: the tree, on one line; the answer is the tree again (what the round
    # trip deserialize(serialize(root)) must give back).
    for suffix in (".in", ".ans"):
        with open(path + suffix, "w", newline="\n") as f:
            f.write(as_json(t) + "\n")


def main():
    sample = os.path.join(HERE, "tests", "sample")
    secret = os.path.join(HERE, "tests", "secret")
    os.makedirs(sample, exist_ok=True)
    os.makedirs(secret, exist_ok=True)
    for d in (sample, secret):
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))

    write(os.path.join(sample, "1"), parse_level("1 2 3 null null 4 5".split()))
    write(os.path.join(sample, "2"), Tree())
    write(os.path.join(sample, "3"), parse_level("1 null 2 3".split()))

    tests = []
    # 01-03: a single node and extreme values
    tests.append(parse_level(["-1000"]))
    tests.append(parse_level("-1000 null 1000".split()))
    tests.append(parse_level("1000 -1000".split()))
    # 04: a small random tree
    tests.append(random_tree(12))
    # 05: a perfect tree
    tests.append(complete(1023))
    # 06: a tree with gaps in its levels
    tests.append(sparse(300, 0.7))
    # 07: a zigzag path of 500 nodes
    tests.append(chain(500, "zigzag"))
    # 08: repeated values
    tests.append(random_tree(60, vals=lambda: 0 if R.random() < 0.8 else -1))
    # 09: one large random tree
    tests.append(random_tree(15000))
    # 10: a left path of 5 * 10^4 nodes (the maximal depth)
    tests.append(chain(MAX_NODES, "left", vals=small))
    # 11: a deep random tree
    tests.append(random_tree(20000, recent=0.97))
    # 12: a caterpillar (long right spine with left leaves)
    tests.append(caterpillar(5000, vals=digit))
    # 13: a random path of 10^4 nodes
    tests.append(chain(10000, "random"))

    for idx, t in enumerate(tests, 1):
        write(os.path.join(secret, "%02d" % idx), t)


if __name__ == "__main__":
    main()
