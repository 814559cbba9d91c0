import sys


# Merges the lists into the result one at a time: O(k * N) in the worst case.
def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def main():
    data = sys.stdin.read().split()
    k = int(data[0])
    pos = 1
    result = []
    for _ in range(k):
        n = int(data[pos])
        lst = [int(x) for x in data[pos + 1:pos + 1 + n]]
        pos += 1 + n
        result = merge(result, lst)
    print(len(result))
    print(" ".join(map(str, result)))


main()
