// Kadane's algorithm with the running values started at 0:
// forgets that the subarray must be non-empty, so an all-negative array gives 0.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
let best = 0;
let cur = 0;
for (let k = 0; k < n; k++) {
  const x = Number(data[1 + k]);
  cur = Math.max(0, cur + x);
  best = Math.max(best, cur);
}
console.log(String(best));
