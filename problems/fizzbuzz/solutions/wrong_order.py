# Mistake: tests divisibility by 3 before divisibility by 15, so 15, 30, ... print "Fizz".
import sys


def main():
    n = int(sys.stdin.readline())
    out = []
    for i in range(1, n + 1):
        if i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        elif i % 15 == 0:
            out.append("FizzBuzz")
        else:
            out.append(str(i))
    sys.stdout.write("\n".join(out) + "\n")


main()
