const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
let pos = 0;
const n = Number(data[pos++]);
const l1 = data.slice(pos, pos + n).map(Number);
pos += n;
const m = Number(data[pos++]);
const l2 = data.slice(pos, pos + m).map(Number);

const result = [];
let carry = 0;
for (let k = 0; k < Math.max(n, m); k++) {
  const s = carry + (k < n ? l1[k] : 0) + (k < m ? l2[k] : 0);
  result.push(s % 10);
  carry = s >= 10 ? 1 : 0;
}
if (carry) result.push(carry);
process.stdout.write(result.length + '\n' + result.join(' ') + '\n');
