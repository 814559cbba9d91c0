def main() -> None:
    low, high = 1, 10**9
    while True:
        guess = (low + high) // 2
        print(guess, flush=True)
        answer = input().strip()
        if answer == "correct":
            return
        if answer == "higher":
            low = guess + 1
        else:
            high = guess - 1


main()
