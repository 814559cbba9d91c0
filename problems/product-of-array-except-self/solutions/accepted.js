const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const a = new Array(n);
for (let k = 0; k < n; k++) a[k] = BigInt(data[1 + k]);
// Products reach 10^18, beyond Number's exact range, so everything is BigInt.
const answer = new Array(n);
let run = 1n;
for (let i = 0; i < n; i++) {
  answer[i] = run;
  run *= a[i];
}
run = 1n;
for (let i = n - 1; i >= 0; i--) {
  answer[i] *= run;
  run *= a[i];
}
process.stdout.write(answer.join(' ') + '\n');
