const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const seen = new Set();
let dup = false;
for (let k = 0; k < n && !dup; k++) {
  const x = Number(data[1 + k]);
  if (seen.has(x)) dup = true;
  else seen.add(x);
}
console.log(dup ? 'true' : 'false');
