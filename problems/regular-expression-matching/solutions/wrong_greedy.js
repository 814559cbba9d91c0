'use strict';
// Greedy: every "x*" eats as many matching letters as it can, never giving any back.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);

function isMatch(s, p) {
  let i = 0;
  let j = 0;
  while (j < p.length) {
    const c = p[j];
    if (j + 1 < p.length && p[j + 1] === '*') {
      while (i < s.length && (c === '.' || s[i] === c)) i++;
      j += 2;
    } else {
      if (i < s.length && (c === '.' || s[i] === c)) {
        i++;
        j++;
      } else {
        return false;
      }
    }
  }
  return i === s.length;
}

const q = parseInt(data[0], 10);
const out = [];
for (let k = 0; k < q; k++) {
  out.push(isMatch(data[1 + 2 * k], data[2 + 2 * k]) ? 'true' : 'false');
}
process.stdout.write(out.join('\n') + '\n');
