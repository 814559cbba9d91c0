'use strict';
const data = require('fs').readFileSync(0, 'utf8');
let p = 0;
function nextInt() {
  while (p < data.length && data.charCodeAt(p) <= 32) p++;
  let neg = false;
  if (data.charCodeAt(p) === 45) {
    neg = true;
    p++;
  }
  let x = 0;
  while (p < data.length) {
    const c = data.charCodeAt(p);
    if (c < 48 || c > 57) break;
    x = x * 10 + (c - 48);
    p++;
  }
  return neg ? -x : x;
}

const k = nextInt();
const vals = [];
const starts = [];
const ends = [];
for (let i = 0; i < k; i++) {
  const n = nextInt();
  starts.push(vals.length);
  for (let j = 0; j < n; j++) vals.push(nextInt());
  ends.push(vals.length);
}

// Binary min-heap of list indices, keyed by the value at the list's current position.
const cur = starts.slice();
const heap = [];
function key(i) {
  return vals[cur[i]];
}
function up(idx) {
  while (idx > 0) {
    const par = (idx - 1) >> 1;
    if (key(heap[par]) <= key(heap[idx])) break;
    const t = heap[par];
    heap[par] = heap[idx];
    heap[idx] = t;
    idx = par;
  }
}
function down(idx) {
  const n = heap.length;
  for (;;) {
    const l = 2 * idx + 1;
    const r = l + 1;
    let m = idx;
    if (l < n && key(heap[l]) < key(heap[m])) m = l;
    if (r < n && key(heap[r]) < key(heap[m])) m = r;
    if (m === idx) break;
    const t = heap[m];
    heap[m] = heap[idx];
    heap[idx] = t;
    idx = m;
  }
}
for (let i = 0; i < k; i++) {
  if (cur[i] < ends[i]) {
    heap.push(i);
    up(heap.length - 1);
  }
}
const out = [];
while (heap.length > 0) {
  const i = heap[0];
  out.push(vals[cur[i]]);
  cur[i]++;
  if (cur[i] < ends[i]) {
    down(0);
  } else {
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      down(0);
    }
  }
}
process.stdout.write(out.length + '\n' + out.join(' ') + '\n');
