# Mistake: ignores the sign, so -121 is reported as a palindrome.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for k in range(1, t + 1):
        s = str(abs(int(data[k])))
        out.append("true" if s == s[::-1] else "false")
    sys.stdout.write("\n".join(out) + "\n")


main()
