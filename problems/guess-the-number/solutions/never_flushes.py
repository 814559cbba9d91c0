# Forgets to flush: its first guess stays in its buffer, and both sides wait forever.
import sys


def main() -> None:
    low, high = 1, 10**9
    while True:
        guess = (low + high) // 2
        sys.stdout.write(f"{guess}\n")
        answer = sys.stdin.readline().strip()
        if answer == "correct":
            return
        if answer == "higher":
            low = guess + 1
        else:
            high = guess - 1


main()
