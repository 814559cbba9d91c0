import sys


# Plain backtracking: correct, but without memoization it can take exponential time.
def is_match(s, p):
    if not p:
        return not s
    first = bool(s) and (p[0] == s[0] or p[0] == '.')
    if len(p) >= 2 and p[1] == '*':
        return is_match(s, p[2:]) or (first and is_match(s[1:], p))
    return first and is_match(s[1:], p[1:])


def main():
    data = sys.stdin.read().split()
    q = int(data[0])
    out = []
    for k in range(q):
        out.append("true" if is_match(data[1 + 2 * k], data[2 + 2 * k]) else "false")
    print("\n".join(out))


main()
