# Builds the answer by putting each character in front: every step copies the whole
# string built so far, so this is O(n^2).
import sys


def main():
    sys.stdin.readline()
    s = sys.stdin.readline().strip()
    r = ""
    for c in s:
        r = c + r
    print(r)


main()
