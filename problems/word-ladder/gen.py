"""Deterministic test generator for word-ladder.

Run `python3 gen.py` from anywhere: it rewrites tests/sample and tests/secret.

A function problem's test: beginWord, endWord and wordList, one JSON value per line; the answer is
the returned length (0 when there is no ladder).
"""
import json
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(31337)

MAX_N = 3 * 10 ** 4  # 5 * 10^4 as JSON was 3 MB of tests
MAX_L = 10
ALPHA = "abcdefghijklmnopqrstuvwxyz"


def ladder(begin, end, words):
    """Trusted reference: plain BFS over one-letter changes."""
    dictionary = set(words)
    if end not in dictionary:
        return 0
    dist = {begin: 1}
    q = deque([begin])
    while q:
        w = q.popleft()
        for i in range(len(w)):
            for c in ALPHA:
                if c == w[i]:
                    continue
                v = w[:i] + c + w[i + 1:]
                if v in dictionary and v not in dist:
                    dist[v] = dist[w] + 1
                    if v == end:
                        return dist[v]
                    q.append(v)
    return 0


def farthest(begin, words):
    """A dictionary word at the largest BFS distance from begin."""
    ws = set(words)
    dist = {begin: 1}
    q = deque([begin])
    while q:
        w = q.popleft()
        for i in range(len(w)):
            for c in ALPHA:
                v = w[:i] + c + w[i + 1:]
                if v in ws and v not in dist:
                    dist[v] = dist[w] + 1
                    q.append(v)
    return max(dist, key=lambda w: (dist[w], w))


def write(path, begin, end, words):
    L = len(begin)
    assert 1 <= L <= MAX_L and len(end) == L and begin != end
    assert 1 <= len(words) <= MAX_N
    assert len(set(words)) == len(words)
    for w in [begin, end] + words:
        assert len(w) == L and all(c in ALPHA for c in w), w
    with open(path + ".in", "w", newline="\n") as f:
        f.write("\n".join(json.dumps(v, separators=(",", ":")) for v in (begin, end, words)) + "\n")
    ans = ladder(begin, end, words)
    with open(path + ".ans", "w", newline="\n") as f:
        f.write("%d\n" % ans)
    return ans


def rand_word(L, alphabet):
    return "".join(R.choice(alphabet) for _ in range(L))


def patterns(w):
    return [w[:i] + "*" + w[i + 1:] for i in range(len(w))]


class Tree:
    """Grows a set of words whose one-letter-change graph is a tree (no shortcuts)."""

    def __init__(self, root, alphabet):
        self.alphabet = alphabet
        self.words = [root]
        self.seen = {root}
        self.pat = {}
        for p in patterns(root):
            self.pat[p] = 1

    def attach(self, parent, tries=30):
        L = len(parent)
        for _ in range(tries):
            i = R.randrange(L)
            c = R.choice(self.alphabet)
            if c == parent[i]:
                continue
            w = parent[:i] + c + parent[i + 1:]
            if w in self.seen:
                continue
            ps = patterns(w)
            ok = True
            for j, p in enumerate(ps):
                if j == i:
                    if self.pat.get(p, 0) != 1:
                        ok = False
                        break
                elif p in self.pat:
                    ok = False
                    break
            if not ok:
                continue
            for p in ps:
                self.pat[p] = self.pat.get(p, 0) + 1
            self.words.append(w)
            self.seen.add(w)
            return w
        return None


def chain_with_branches(L, alphabet, path_len, total):
    """A long induced path plus dead-end branches hanging off it."""
    t = Tree(rand_word(L, alphabet), alphabet)
    path = [t.words[0]]
    while len(path) < path_len:
        w = t.attach(path[-1])
        if w is None:
            break
        path.append(w)
    while len(t.words) < total:
        base = R.choice(t.words)
        t.attach(base)
    return path, t.words


def main():
    sample = os.path.join(HERE, "tests", "sample")
    secret = os.path.join(HERE, "tests", "secret")
    os.makedirs(sample, exist_ok=True)
    os.makedirs(secret, exist_ok=True)
    for d in (sample, secret):
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))

    write(os.path.join(sample, "1"), "hit", "cog", ["hot", "dot", "dog", "lot", "log", "cog"])
    write(os.path.join(sample, "2"), "hit", "cog", ["hot", "dot", "dog", "lot", "log"])

    answers = []
    idx = [0]

    def secret_test(begin, end, words):
        idx[0] += 1
        answers.append(write(os.path.join(secret, "%02d" % idx[0]), begin, end, words))

    # 01: one-letter words
    secret_test("a", "c", ["a", "b", "c"])
    # 02: a single dictionary word, one step away
    secret_test("abc", "abd", ["abd"])
    # 03: endWord is one step away but missing from the dictionary
    secret_test("hot", "dot", ["cot", "cog", "dog"])
    # 04: endWord in the dictionary but unreachable
    secret_test("ab", "cd", ["cd"])
    # 05: small dense graph, beginWord in the dictionary
    words = sorted({rand_word(3, "abcd") for _ in range(60)})
    R.shuffle(words)
    begin = words[0]
    secret_test(begin, farthest(begin, words), words)
    # 06: medium random graph
    words = sorted({rand_word(4, "abcdef") for _ in range(900)})
    R.shuffle(words)
    begin = rand_word(4, "abcdef")
    secret_test(begin, farthest(begin, words), words)
    # 07: long induced path (no shortcuts), L = 10, plus branches
    path, words = chain_with_branches(10, ALPHA, 3000, 20000)
    R.shuffle(words)
    words.remove(path[0])
    secret_test(path[0], path[-1], words)
    # 08: maximal n, random dense graph (L = 6 over 8 letters)
    s = set()
    while len(s) < MAX_N:
        s.add(rand_word(6, "abcdefgh"))
    words = sorted(s)
    R.shuffle(words)
    secret_test(rand_word(6, "abcdefgh"), words[0], words)
    # 09: maximal n, L = 10: a path of 8000 words with dead-end branches
    path, words = chain_with_branches(10, ALPHA, 8000, MAX_N)
    R.shuffle(words)
    secret_test(path[0], path[-1], words)
    # 10: maximal n, two components over disjoint alphabets: unreachable
    a = set()
    while len(a) < MAX_N // 2:
        a.add(rand_word(5, "abcdefgh"))
    b = set()
    while len(b) < MAX_N // 2:
        b.add(rand_word(5, "ijklmnop"))
    words = sorted(a) + sorted(b)
    R.shuffle(words)
    secret_test(rand_word(5, "abcdefgh"), R.choice(sorted(b)), words)
    # 11: every 3-letter word except a few
    allw = [x + y + z for x in ALPHA for y in ALPHA for z in ALPHA]
    drop = set(R.sample(allw, 500)) - {"zzz"}
    words = [w for w in allw if w not in drop and w != "aaa"]
    R.shuffle(words)
    secret_test("aaa", "zzz", words)
    # 12: endWord missing, but one step away from many reachable words
    s = set()
    while len(s) < 30000:
        s.add(rand_word(8, "abcdefg"))
    end = rand_word(8, "abcdefg")
    s.discard(end)
    words = sorted(s)
    R.shuffle(words)
    secret_test(words[0], end, words)
    # 13: maximal n, L = 10 over 3 letters (a dense, hypercube-like graph)
    s = set()
    while len(s) < MAX_N:
        s.add(rand_word(10, "abc"))
    s.discard("aaaaaaaaaa")
    s.add("cccccccccc")
    words = sorted(s)
    R.shuffle(words)
    secret_test("aaaaaaaaaa", "cccccccccc", words)
    # 14: a random tree of 4-letter words; endWord is the deepest leaf found by BFS
    t = Tree(rand_word(4, ALPHA), ALPHA)
    while len(t.words) < 20000:
        t.attach(R.choice(t.words[-50:]) if R.random() < 0.7 else R.choice(t.words))
    root = t.words[0]
    words = t.words[1:]
    far = farthest(root, words)
    R.shuffle(words)
    secret_test(root, far, words)
    print(answers)


if __name__ == "__main__":
    main()
