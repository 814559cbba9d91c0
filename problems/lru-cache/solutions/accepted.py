import sys
from collections import OrderedDict


def main():
    data = sys.stdin.buffer.read().split()
    capacity, q = int(data[0]), int(data[1])
    cache = OrderedDict()  # least recently used first
    out = []
    pos = 2
    for _ in range(q):
        if data[pos] == b"put":
            key, value = int(data[pos + 1]), int(data[pos + 2])
            pos += 3
            if key in cache:
                cache.move_to_end(key)
            elif len(cache) == capacity:
                cache.popitem(last=False)
            cache[key] = value
        else:
            key = int(data[pos + 1])
            pos += 2
            if key in cache:
                cache.move_to_end(key)
                out.append(cache[key])
            else:
                out.append(-1)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
