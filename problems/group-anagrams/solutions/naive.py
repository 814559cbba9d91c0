import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    keys = []      # keys[g] = sorted letters of group g
    groups = []
    # compare each word's sorted letters with every group found so far: O(n * groups)
    for w in data[1:1 + n]:
        key = sorted(w)
        for g in range(len(groups)):
            if keys[g] == key:
                groups[g].append(w)
                break
        else:
            keys.append(key)
            groups.append([w])
    for g in groups:
        g.sort()
    groups.sort(key=lambda g: g[0])
    print(len(groups))
    for g in groups:
        print(len(g), " ".join(g))


main()
