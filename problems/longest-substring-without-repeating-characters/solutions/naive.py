import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    s = data[1] if n > 0 else ""
    best = 0
    # check every substring s[i..j] for repeated characters
    for i in range(n):
        for j in range(i, n):
            sub = s[i:j + 1]
            if len(set(sub)) == len(sub):
                best = max(best, len(sub))
    print(best)


main()
