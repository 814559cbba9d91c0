# Mistake: divides the product of the whole array by a[i]. With a zero in the array the
# total is 0, and the zero's own position gets 0 instead of the product of the others.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    total = 1
    for v in a:
        total *= v
    answer = [total // v if v != 0 else 0 for v in a]
    print(" ".join(map(str, answer)))


main()
