# Correct but quadratic: each new interval is compared with every group merged so far.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    groups = []
    for k in range(n):
        l, r = int(data[1 + 2 * k]), int(data[2 + 2 * k])
        kept = []
        for g in groups:
            if g[0] <= r and l <= g[1]:
                l = min(l, g[0])
                r = max(r, g[1])
            else:
                kept.append(g)
        kept.append((l, r))
        groups = kept
    groups.sort()
    print(len(groups))
    for l, r in groups:
        print(l, r)


main()
