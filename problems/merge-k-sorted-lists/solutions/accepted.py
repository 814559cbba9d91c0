import heapq
import sys


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    pos = 1
    lists = []
    for _ in range(k):
        n = int(data[pos])
        lists.append(data[pos + 1:pos + 1 + n])
        pos += 1 + n
    # min-heap of (value, list index, position in that list)
    heap = []
    for i, lst in enumerate(lists):
        if lst:
            heap.append((int(lst[0]), i, 0))
    heapq.heapify(heap)
    out = []
    push = heapq.heappush
    pop = heapq.heappop
    while heap:
        v, i, j = pop(heap)
        out.append(v)
        j += 1
        lst = lists[i]
        if j < len(lst):
            push(heap, (int(lst[j]), i, j))
    sys.stdout.write("%d\n%s\n" % (len(out), " ".join(map(str, out))))


main()
