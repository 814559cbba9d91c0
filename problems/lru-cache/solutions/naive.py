# Correct but slow: keeps the keys in a plain list ordered by last use, so every use of a key
# searches and shifts the whole list.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    capacity, q = int(data[0]), int(data[1])
    values = {}
    order = []  # least recently used first
    out = []
    pos = 2
    for _ in range(q):
        if data[pos] == b"put":
            key, value = int(data[pos + 1]), int(data[pos + 2])
            pos += 3
            if key in values:
                order.remove(key)
            elif len(order) == capacity:
                del values[order.pop(0)]
            values[key] = value
            order.append(key)
        else:
            key = int(data[pos + 1])
            pos += 2
            if key in values:
                order.remove(key)
                order.append(key)
                out.append(values[key])
            else:
                out.append(-1)
    print("\n".join(map(str, out)))


main()
