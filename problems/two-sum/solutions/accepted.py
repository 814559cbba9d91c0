import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    first = {}  # value -> first position where it occurs
    for j in range(n):
        v = int(data[2 + j])
        i = first.get(target - v)
        if i is not None:
            sys.stdout.write("%d %d\n" % (i, j))
            return
        if v not in first:
            first[v] = j
    sys.stdout.write("-1\n")


main()
