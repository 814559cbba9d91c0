const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const n = Number(lines[0]);
for (let i = 1; i <= n; i++) {
  const [a, b] = lines[i].split(' ');
  console.log(a + b);
}
