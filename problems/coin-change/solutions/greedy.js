// Mistake: always takes as many of the largest coin as fit, then the next one, and so on.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
let rem = Number(data[1]);
const coins = [];
for (let k = 0; k < n; k++) coins.push(Number(data[2 + k]));
coins.sort((x, y) => y - x);
let count = 0;
for (const c of coins) {
  count += Math.floor(rem / c);
  rem %= c;
}
console.log(rem === 0 ? count : -1);
