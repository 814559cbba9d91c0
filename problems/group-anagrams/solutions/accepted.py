import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    groups = {}
    for w in data[1:1 + n]:
        key = "".join(sorted(w))
        g = groups.get(key)
        if g is None:
            groups[key] = [w]
        else:
            g.append(w)
    result = []
    for g in groups.values():
        g.sort()
        result.append(g)
    result.sort(key=lambda g: g[0])
    out = [str(len(result))]
    for g in result:
        out.append("%d %s" % (len(g), " ".join(g)))
    sys.stdout.write("\n".join(out) + "\n")


main()
