"""Interactor of guess-the-number (Kattis convention): interactor.py input answer feedback_dir.

Reads the secret number from the input file, answers each guess on stdin with "higher",
"lower" or "correct" on stdout, flushing every answer. Exit 42: found within 30 guesses;
exit 43: anything else, with the reason in feedback_dir/judgemessage.txt.
"""

import os
import sys

MAX_GUESSES = 30
LIMIT = 10**9


def verdict(feedback: str, code: int, message: str) -> None:
    with open(os.path.join(feedback, "judgemessage.txt"), "w") as f:
        f.write(message + "\n")
    sys.exit(code)


def main() -> None:
    input_path, _answer_path, feedback = sys.argv[1:4]
    with open(input_path) as f:
        secret = int(f.read().split()[0])
    for guess_count in range(1, MAX_GUESSES + 1):
        line = sys.stdin.readline()
        if not line:
            verdict(feedback, 43, f"the program stopped after {guess_count - 1} guesses without finding the number")
        token = line.strip()
        try:
            guess = int(token)
        except ValueError:
            verdict(feedback, 43, f"guess {guess_count}: expected an integer, found {token[:40]!r}")
        if not 1 <= guess <= LIMIT:
            verdict(feedback, 43, f"guess {guess_count}: {guess} is not between 1 and {LIMIT}")
        if guess == secret:
            print("correct", flush=True)
            verdict(feedback, 42, f"found {secret} in {guess_count} guesses")
        print("higher" if secret > guess else "lower", flush=True)
    verdict(feedback, 43, f"no correct guess in {MAX_GUESSES} guesses")


if __name__ == "__main__":
    main()
