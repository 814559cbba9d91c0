const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const amount = Number(data[1]);
const coins = [];
for (let k = 0; k < n; k++) {
  const c = Number(data[2 + k]);
  if (c <= amount) coins.push(c);
}
const inf = amount + 1;
const dp = new Int32Array(amount + 1).fill(inf); // dp[a] = fewest coins summing to a
dp[0] = 0;
for (const c of coins) {
  for (let a = c; a <= amount; a++) {
    const t = dp[a - c] + 1;
    if (t < dp[a]) dp[a] = t;
  }
}
console.log(dp[amount] === inf ? -1 : dp[amount]);
