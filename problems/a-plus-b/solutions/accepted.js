const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const out = [];
for (let i = 0; i < n; i++) {
  out.push(Number(data[1 + 2 * i]) + Number(data[2 + 2 * i]));
}
process.stdout.write(out.join('\n') + '\n');
