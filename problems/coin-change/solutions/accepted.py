import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, amount = int(data[0]), int(data[1])
    coins = sorted({int(x) for x in data[2:2 + n] if int(x) <= amount})
    inf = amount + 1
    dp = [inf] * (amount + 1)  # dp[a] = fewest coins summing to a
    dp[0] = 0
    for c in coins:
        for a in range(c, amount + 1):
            t = dp[a - c] + 1
            if t < dp[a]:
                dp[a] = t
    print(-1 if dp[amount] == inf else dp[amount])


main()
