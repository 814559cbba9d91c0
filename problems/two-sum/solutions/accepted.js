const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const target = Number(data[1]);
const first = new Map(); // value -> first position where it occurs
let answer = '-1';
for (let j = 0; j < n; j++) {
  const v = Number(data[2 + j]);
  const i = first.get(target - v);
  if (i !== undefined) {
    answer = i + ' ' + j;
    break;
  }
  if (!first.has(v)) first.set(v, j);
}
process.stdout.write(answer + '\n');
