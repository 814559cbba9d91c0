const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let m = Number(data[0]);
let n = Number(data[1]);
let a = new Array(m);
for (let k = 0; k < m; k++) a[k] = Number(data[2 + k]);
let b = new Array(n);
for (let k = 0; k < n; k++) b[k] = Number(data[2 + m + k]);
if (m > n) {
  [a, b] = [b, a];
  [m, n] = [n, m];
}
// Binary search on how many elements of the shorter array a go to the left half.
const half = Math.floor((m + n + 1) / 2);
let lo = 0;
let hi = m;
let aLeft, aRight, bLeft, bRight;
for (;;) {
  const i = (lo + hi) >> 1;
  const j = half - i;
  aLeft = i > 0 ? a[i - 1] : -Infinity;
  aRight = i < m ? a[i] : Infinity;
  bLeft = j > 0 ? b[j - 1] : -Infinity;
  bRight = j < n ? b[j] : Infinity;
  if (aLeft > bRight) hi = i - 1;
  else if (bLeft > aRight) lo = i + 1;
  else break;
}
const left = Math.max(aLeft, bLeft);
const median = (m + n) % 2 ? left : (left + Math.min(aRight, bRight)) / 2;
console.log(median.toFixed(1));
