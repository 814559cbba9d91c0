# Correct but exponential: tries every count of every denomination.
import sys

INF = float("inf")


def main():
    data = sys.stdin.buffer.read().split()
    n, amount = int(data[0]), int(data[1])
    coins = [int(x) for x in data[2:2 + n]]

    def best(i, rem):
        if i == n:
            return 0 if rem == 0 else INF
        result = INF
        for k in range(rem // coins[i] + 1):
            result = min(result, k + best(i + 1, rem - k * coins[i]))
        return result

    answer = best(0, amount)
    print(-1 if answer == INF else answer)


main()
