import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    values = set(map(int, data[1:1 + n]))
    print("true" if len(values) < n else "false")


main()
