/**
 * @param {number[]} coins
 * @param {number} amount
 * @return {number}
 */
var coinChange = function(coins, amount) {
    const inf = amount + 1;
    const dp = new Int32Array(amount + 1).fill(inf); // dp[a] = fewest coins summing to a
    dp[0] = 0;
    for (const c of coins) {
        if (c > amount) continue;
        for (let a = c; a <= amount; a++) {
            const t = dp[a - c] + 1;
            if (t < dp[a]) dp[a] = t;
        }
    }
    return dp[amount] === inf ? -1 : dp[amount];
};
