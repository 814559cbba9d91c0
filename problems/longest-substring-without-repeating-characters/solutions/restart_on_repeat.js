// On a repeated character, throws the whole window away and starts again from
// that character, instead of just after its previous occurrence
// (for "dvdf" it answers 2 instead of 3).
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const s = n > 0 ? data[1] : '';
let seen = new Set();
let best = 0;
for (let i = 0; i < s.length; i++) {
  const c = s[i];
  if (seen.has(c)) seen = new Set();
  seen.add(c);
  if (seen.size > best) best = seen.size;
}
console.log(String(best));
