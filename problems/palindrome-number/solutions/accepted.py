import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for k in range(1, t + 1):
        s = data[k]
        # a leading '-' can never match the last character, so negatives are rejected too
        out.append("true" if s == s[::-1] else "false")
    sys.stdout.write("\n".join(out) + "\n")


main()
