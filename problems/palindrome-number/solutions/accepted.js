const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const t = Number(data[0]);

function isPalindrome(x) {
  if (x < 0) return false;
  let rev = 0;
  let y = x;
  while (y > 0) {
    rev = rev * 10 + (y % 10); // at most 10 digits, exact in a double
    y = Math.floor(y / 10);
  }
  return rev === x;
}

const out = new Array(t);
for (let k = 1; k <= t; k++) out[k - 1] = isPalindrome(Number(data[k])) ? 'true' : 'false';
process.stdout.write(out.join('\n') + '\n');
