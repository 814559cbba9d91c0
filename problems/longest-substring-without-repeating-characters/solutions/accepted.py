import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    s = data[1] if n > 0 else ""
    last = {}          # character -> last position where it was seen
    left = 0           # the window s[left..i] has no repeated character
    best = 0
    for i, c in enumerate(s):
        p = last.get(c, -1)
        if p >= left:
            left = p + 1
        last[c] = i
        if i - left + 1 > best:
            best = i - left + 1
    print(best)


main()
