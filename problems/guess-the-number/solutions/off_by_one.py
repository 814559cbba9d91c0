# Searches 1 .. 10^9 - 1: never finds 10^9.
def main() -> None:
    low, high = 1, 10**9 - 1
    while True:
        guess = (low + high) // 2
        print(guess, flush=True)
        answer = input().strip()
        if answer == "correct":
            return
        if answer == "higher":
            low = min(guess + 1, high)
        else:
            high = guess - 1


main()
