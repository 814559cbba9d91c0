const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const s = n > 0 ? data[1] : '';
const last = new Int32Array(128).fill(-1);
let left = 0;
let best = 0;
for (let i = 0; i < s.length; i++) {
  const c = s.charCodeAt(i);
  if (last[c] >= left) left = last[c] + 1;
  last[c] = i;
  if (i - left + 1 > best) best = i - left + 1;
}
console.log(String(best));
