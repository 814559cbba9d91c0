// Mistake: the half-reversal trick without the "ends in 0" check, so 10, 100, 1010 ... come out true.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const t = Number(data[0]);

function isPalindrome(x) {
  if (x < 0) return false;
  let rev = 0;
  while (x > rev) {
    rev = rev * 10 + (x % 10);
    x = Math.floor(x / 10);
  }
  return x === rev || x === Math.floor(rev / 10);
}

const out = [];
for (let k = 1; k <= t; k++) out.push(isPalindrome(Number(data[k])) ? 'true' : 'false');
console.log(out.join('\n'));
