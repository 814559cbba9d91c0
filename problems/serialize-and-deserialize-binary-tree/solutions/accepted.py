import sys


def from_level(toks):
    """Returns (val, left, right, root) with -1 meaning no node."""
    val, left, right = [], [], []
    if not toks or toks[0] == "null":
        return val, left, right, -1
    val.append(int(toks[0]))
    left.append(-1)
    right.append(-1)
    head = 0
    k = 1
    m = len(toks)
    while head < len(val) and k < m:
        for side in (left, right):
            if k < m and toks[k] != "null":
                val.append(int(toks[k]))
                left.append(-1)
                right.append(-1)
                side[head] = len(val) - 1
            k += 1
        head += 1
    return val, left, right, 0


def from_preorder(toks):
    val, left, right = [], [], []
    if toks[0] == "null":
        return val, left, right, -1
    val.append(int(toks[0]))
    left.append(-1)
    right.append(-1)
    stack = [0]        # nodes whose children are not all read yet
    filled_left = [False]
    for t in toks[1:]:
        parent = stack[-1]
        child = -1
        if t != "null":
            val.append(int(t))
            left.append(-1)
            right.append(-1)
            child = len(val) - 1
        if not filled_left[-1]:
            left[parent] = child
            filled_left[-1] = True
        else:
            right[parent] = child
            stack.pop()
            filled_left.pop()
        if child >= 0:
            stack.append(child)
            filled_left.append(False)
    return val, left, right, 0


def to_preorder(val, left, right, root):
    out = []
    stack = [root]
    while stack:
        u = stack.pop()
        if u < 0:
            out.append("null")
        else:
            out.append(str(val[u]))
            stack.append(right[u])
            stack.append(left[u])
    return out


def to_level(val, left, right, root):
    if root < 0:
        return []
    out = [str(val[root])]
    order = [root]
    head = 0
    while head < len(order):
        u = order[head]
        head += 1
        for c in (left[u], right[u]):
            if c < 0:
                out.append("null")
            else:
                out.append(str(val[c]))
                order.append(c)
    while out and out[-1] == "null":
        out.pop()
    return out


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    pos = 1
    lines = []
    for _ in range(t):
        fmt = data[pos]
        m = int(data[pos + 1])
        toks = data[pos + 2:pos + 2 + m]
        pos += 2 + m
        if fmt == "level":
            res = to_preorder(*from_level(toks))
        else:
            res = to_level(*from_preorder(toks))
        lines.append(" ".join([str(len(res))] + res))
    sys.stdout.write("\n".join(lines) + "\n")


main()
