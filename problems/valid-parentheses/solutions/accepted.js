const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const t = Number(data[0]);

// character code of the opening bracket that each closing bracket needs
const need = { 41: 40, 93: 91, 125: 123 }; // ) -> (, ] -> [, } -> {

function isValid(s) {
  const stack = new Uint8Array(s.length);
  let top = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      stack[top++] = c;
    } else if (top === 0 || stack[--top] !== need[c]) {
      return false;
    }
  }
  return top === 0;
}

const out = new Array(t);
for (let k = 1; k <= t; k++) out[k - 1] = isValid(data[k]) ? 'true' : 'false';
process.stdout.write(out.join('\n') + '\n');
