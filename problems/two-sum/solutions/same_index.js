// Mistake: stores the current value before looking up its complement,
// so a value equal to target / 2 gets paired with itself.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const target = Number(data[1]);
const first = new Map();
let answer = '-1';
for (let j = 0; j < n; j++) {
  const v = Number(data[2 + j]);
  if (!first.has(v)) first.set(v, j);
  const i = first.get(target - v);
  if (i !== undefined) {
    answer = i + ' ' + j;
    break;
  }
}
console.log(answer);
