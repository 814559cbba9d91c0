class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        inf = amount + 1
        dp = [inf] * (amount + 1)  # dp[a] = fewest coins summing to a
        dp[0] = 0
        for c in sorted({c for c in coins if c <= amount}):
            for a in range(c, amount + 1):
                t = dp[a - c] + 1
                if t < dp[a]:
                    dp[a] = t
        return -1 if dp[amount] == inf else dp[amount]
