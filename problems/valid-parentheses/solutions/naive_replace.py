# Deletes adjacent pairs "()", "[]", "{}" until nothing changes. Correct, but each round
# scans the whole string and a deeply nested string needs n/2 rounds: O(n^2).
import sys


def is_valid(s):
    while True:
        t = s.replace("()", "").replace("[]", "").replace("{}", "")
        if t == s:
            return s == ""
        s = t


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for k in range(1, t + 1):
        out.append("true" if is_valid(data[k]) else "false")
    sys.stdout.write("\n".join(out) + "\n")


main()
