import sys
from collections import deque


# BFS that finds the neighbours of a word by comparing it with every dictionary word:
# O(n^2 * L) in the worst case.
def one_apart(a, b):
    diff = 0
    for x, y in zip(a, b):
        if x != y:
            diff += 1
            if diff > 1:
                return False
    return diff == 1


def main():
    data = sys.stdin.read().split()
    begin, end = data[0], data[1]
    n = int(data[2])
    words = data[3:3 + n]
    if end not in words:
        print(0)
        return
    seen = {begin}
    queue = deque([(begin, 1)])
    while queue:
        w, d = queue.popleft()
        for v in words:
            if v not in seen and one_apart(w, v):
                if v == end:
                    print(d + 1)
                    return
                seen.add(v)
                queue.append((v, d + 1))
    print(0)


main()
