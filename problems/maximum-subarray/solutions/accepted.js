const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
// |sum| <= 2e14 < 2^53, so plain Numbers stay exact.
let best = -Infinity;
let cur = 0;
for (let k = 0; k < n; k++) {
  const x = Number(data[1 + k]);
  cur = cur > 0 ? cur + x : x;
  if (cur > best) best = cur;
}
console.log(String(best));
