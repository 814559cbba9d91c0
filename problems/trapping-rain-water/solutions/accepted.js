'use strict';
const data = require('fs').readFileSync(0, 'utf8');
let p = 0;
function nextInt() {
  while (p < data.length && data.charCodeAt(p) <= 32) p++;
  let x = 0;
  while (p < data.length) {
    const c = data.charCodeAt(p);
    if (c < 48 || c > 57) break;
    x = x * 10 + (c - 48);
    p++;
  }
  return x;
}

const n = nextInt();
const h = new Float64Array(n);
for (let i = 0; i < n; i++) h[i] = nextInt();
// two pointers; the total stays below 2^53, so plain numbers are exact
let i = 0;
let j = n - 1;
let leftMax = 0;
let rightMax = 0;
let water = 0;
while (i < j) {
  if (h[i] <= h[j]) {
    if (h[i] >= leftMax) leftMax = h[i];
    else water += leftMax - h[i];
    i++;
  } else {
    if (h[j] >= rightMax) rightMax = h[j];
    else water += rightMax - h[j];
    j--;
  }
}
process.stdout.write(String(water) + '\n');
