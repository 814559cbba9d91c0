'use strict';
// Collects every value and sorts them with Array.prototype.sort() without a comparator,
// which compares the numbers as strings ("-5" < "-50" < "10" < "9").
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
let p = 0;
const k = parseInt(data[p++], 10);
const all = [];
for (let i = 0; i < k; i++) {
  const n = parseInt(data[p++], 10);
  for (let j = 0; j < n; j++) all.push(parseInt(data[p++], 10));
}
all.sort();
process.stdout.write(all.length + '\n' + all.join(' ') + '\n');
