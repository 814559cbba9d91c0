// Prefix sums counted in a Map: O(n). Sums and counts stay below 2^53, exact in a Number.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const k = Number(data[1]);
const seen = new Map([[0, 1]]);
let prefix = 0;
let count = 0;
for (let i = 0; i < n; i++) {
  prefix += Number(data[2 + i]);
  count += seen.get(prefix - k) || 0;
  seen.set(prefix, (seen.get(prefix) || 0) + 1);
}
console.log(String(count));
