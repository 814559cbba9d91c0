// Only compares neighbours, but the array was never sorted,
// so equal values that are far apart are missed.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const a = new Array(n);
for (let k = 0; k < n; k++) a[k] = Number(data[1 + k]);
let dup = false;
for (let k = 1; k < n; k++) {
  if (a[k] === a[k - 1]) {
    dup = true;
    break;
  }
}
console.log(dup ? 'true' : 'false');
