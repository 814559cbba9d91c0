// Mistake: extends the current group to the new interval's end instead of the larger of the two
// ends, so an interval nested inside the group cuts it short.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const intervals = new Array(n);
for (let k = 0; k < n; k++) intervals[k] = [Number(data[1 + 2 * k]), Number(data[2 + 2 * k])];
intervals.sort((x, y) => x[0] - y[0]);
const merged = [];
for (const [l, r] of intervals) {
  const last = merged[merged.length - 1];
  if (last !== undefined && l <= last[1]) {
    last[1] = r;
  } else {
    merged.push([l, r]);
  }
}
const out = [String(merged.length)];
for (const [l, r] of merged) out.push(l + ' ' + r);
console.log(out.join('\n'));
