import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    # two pointers: the lower side is bounded by its own running maximum
    i, j = 0, n - 1
    left_max = right_max = 0
    water = 0
    while i < j:
        if h[i] <= h[j]:
            if h[i] >= left_max:
                left_max = h[i]
            else:
                water += left_max - h[i]
            i += 1
        else:
            if h[j] >= right_max:
                right_max = h[j]
            else:
                water += right_max - h[j]
            j -= 1
    print(water)


main()
