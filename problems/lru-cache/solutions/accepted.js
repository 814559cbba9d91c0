const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const capacity = Number(data[0]);
const q = Number(data[1]);
// A Map iterates in insertion order: deleting and re-inserting a key makes it the newest,
// so the first key is always the least recently used one.
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
    if (value === undefined) {
      out.push(-1);
    } else {
      cache.delete(key);
      cache.set(key, value);
      out.push(value);
    }
  }
}
process.stdout.write(out.join('\n') + '\n');
