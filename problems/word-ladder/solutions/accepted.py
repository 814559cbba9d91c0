import sys
from collections import deque


def main():
    data = sys.stdin.read().split()
    begin, end = data[0], data[1]
    n = int(data[2])
    words = data[3:3 + n]
    if end not in set(words):
        print(0)
        return
    L = len(begin)
    # bucket the dictionary by "word with one position hidden"
    buckets = {}
    for w in words:
        for i in range(L):
            key = w[:i] + "*" + w[i + 1:]
            b = buckets.get(key)
            if b is None:
                buckets[key] = [w]
            else:
                b.append(w)
    dist = {begin: 1}
    queue = deque([begin])
    while queue:
        w = queue.popleft()
        d = dist[w] + 1
        for i in range(L):
            # every bucket is expanded at most once
            b = buckets.pop(w[:i] + "*" + w[i + 1:], None)
            if b is None:
                continue
            for v in b:
                if v not in dist:
                    if v == end:
                        print(d)
                        return
                    dist[v] = d
                    queue.append(v)
    print(0)


main()
