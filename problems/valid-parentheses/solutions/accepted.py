import sys

MATCH = {")": "(", "]": "[", "}": "{"}


def is_valid(s):
    stack = []
    push = stack.append
    pop = stack.pop
    for c in s:
        if c in "([{":
            push(c)
        elif not stack or pop() != MATCH[c]:
            return False
    return not stack


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for k in range(1, t + 1):
        out.append("true" if is_valid(data[k]) else "false")
    sys.stdout.write("\n".join(out) + "\n")


main()
