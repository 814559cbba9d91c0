// Mistake: plain Numbers; products above 2^53 are rounded.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const a = new Array(n);
for (let k = 0; k < n; k++) a[k] = Number(data[1 + k]);
const answer = new Array(n);
let run = 1;
for (let i = 0; i < n; i++) {
  answer[i] = run;
  run *= a[i];
}
run = 1;
for (let i = n - 1; i >= 0; i--) {
  answer[i] *= run;
  run *= a[i];
}
console.log(answer.join(' '));
