// Mistake: a get returns the value but does not make the key the most recently used.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const capacity = Number(data[0]);
const q = Number(data[1]);
const cache = new Map();
const out = [];
let pos = 2;
for (let i = 0; i < q; i++) {
  if (data[pos] === 'put') {
    const key = Number(data[pos + 1]);
    const value = Number(data[pos + 2]);
    pos += 3;
    if (cache.has(key)) {
      cache.delete(key);
    } else if (cache.size === capacity) {
      cache.delete(cache.keys().next().value);
    }
    cache.set(key, value);
  } else {
    const key = Number(data[pos + 1]);
    pos += 2;
    const value = cache.get(key);
    out.push(value === undefined ? -1 : value);
  }
}
console.log(out.join('\n'));
