const n = Number(require('fs').readFileSync(0, 'utf8').trim());
const out = new Array(n);
for (let i = 1; i <= n; i++) {
  let word = '';
  if (i % 3 === 0) word += 'Fizz';
  if (i % 5 === 0) word += 'Buzz';
  out[i - 1] = word || String(i);
}
process.stdout.write(out.join('\n') + '\n');
