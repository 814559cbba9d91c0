const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const groups = new Map();
for (let k = 1; k <= n; k++) {
  const w = data[k];
  const key = w.split('').sort().join('');
  const g = groups.get(key);
  if (g === undefined) groups.set(key, [w]);
  else g.push(w);
}
// Plain comparison operators: code-unit order, which for a-z is dictionary order.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const result = [];
for (const g of groups.values()) {
  g.sort(cmp);
  result.push(g);
}
result.sort((a, b) => cmp(a[0], b[0]));
const out = [String(result.length)];
for (const g of result) out.push(g.length + ' ' + g.join(' '));
process.stdout.write(out.join('\n') + '\n');
