# Mistake: checks for a full cache before checking whether the key is already there, so updating
# a key of a full cache wrongly evicts the least recently used key.
import sys
from collections import OrderedDict


def main():
    data = sys.stdin.buffer.read().split()
    capacity, q = int(data[0]), int(data[1])
    cache = OrderedDict()
    out = []
    pos = 2
    for _ in range(q):
        if data[pos] == b"put":
            key, value = int(data[pos + 1]), int(data[pos + 2])
            pos += 3
            if len(cache) == capacity:
                cache.popitem(last=False)
            cache[key] = value
            cache.move_to_end(key)
        else:
            key = int(data[pos + 1])
            pos += 2
            if key in cache:
                cache.move_to_end(key)
                out.append(cache[key])
            else:
                out.append(-1)
    print("\n".join(map(str, out)))


main()
