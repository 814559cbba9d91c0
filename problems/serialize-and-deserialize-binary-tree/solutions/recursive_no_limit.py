import sys
from collections import deque


# Natural recursive (de)serialization of the preorder format; it keeps Python's default
# recursion limit (1000), so a deep tree raises RecursionError.
class Node:
    def __init__(self, v):
        self.val = v
        self.left = None
        self.right = None


def from_level(toks):
    if not toks or toks[0] == "null":
        return None
    root = Node(int(toks[0]))
    q = deque([root])
    k = 1
    while q and k < len(toks):
        node = q.popleft()
        if k < len(toks) and toks[k] != "null":
            node.left = Node(int(toks[k]))
            q.append(node.left)
        k += 1
        if k < len(toks) and toks[k] != "null":
            node.right = Node(int(toks[k]))
            q.append(node.right)
        k += 1
    return root


def from_preorder(it):
    t = next(it)
    if t == "null":
        return None
    node = Node(int(t))
    node.left = from_preorder(it)
    node.right = from_preorder(it)
    return node


def to_preorder(node, out):
    if node is None:
        out.append("null")
        return
    out.append(str(node.val))
    to_preorder(node.left, out)
    to_preorder(node.right, out)


def to_level(root):
    if root is None:
        return []
    out = [str(root.val)]
    q = deque([root])
    while q:
        node = q.popleft()
        for c in (node.left, node.right):
            if c is None:
                out.append("null")
            else:
                out.append(str(c.val))
                q.append(c)
    while out[-1] == "null":
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
            res = []
            to_preorder(from_level(toks), res)
        else:
            res = to_level(from_preorder(iter(toks)))
        lines.append(" ".join([str(len(res))] + res))
    print("\n".join(lines))


main()
