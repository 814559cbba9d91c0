'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const begin = data[0];
const end = data[1];
const n = parseInt(data[2], 10);
const L = begin.length;

// A word is a number in base 32 with digits 1..26 (exact: 32^10 = 2^50 < 2^53).
// Hiding position i replaces its digit by 0; such keys from different positions never collide.
const POW = [];
for (let i = 0, p = 1; i < L; i++, p *= 32) POW.push(p);
function encode(w) {
  let x = 0;
  for (let i = 0; i < L; i++) x += (w.charCodeAt(i) - 96) * POW[i];
  return x;
}

function lowerBound(arr, len, x) {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function solve() {
  const code = new Float64Array(n + 1);
  let endId = -1;
  let beginId = -1;
  for (let i = 0; i < n; i++) {
    const w = data[3 + i];
    code[i] = encode(w);
    if (w === end) endId = i;
    if (w === begin) beginId = i;
  }
  if (endId < 0) return 0;
  let total = n;
  if (beginId < 0) {
    beginId = n;
    code[n] = encode(begin);
    total = n + 1;
  }
  // keys[i * L + p] = word i with position p hidden; groups = runs of equal sorted keys
  const keys = new Float64Array(total * L);
  for (let i = 0; i < total; i++) {
    const c = code[i];
    for (let p = 0; p < L; p++) keys[i * L + p] = c - (Math.floor(c / POW[p]) % 32) * POW[p];
  }
  const uniq = keys.slice().sort();
  let G = 0;
  for (let i = 0; i < uniq.length; i++) {
    if (i === 0 || uniq[i] !== uniq[i - 1]) uniq[G++] = uniq[i];
  }
  const gid = new Int32Array(total * L);
  const start = new Int32Array(G + 1);
  for (let i = 0; i < total * L; i++) {
    gid[i] = lowerBound(uniq, G, keys[i]);
    if (i < n * L) start[gid[i] + 1]++;
  }
  for (let g = 0; g < G; g++) start[g + 1] += start[g];
  const fill = start.slice(0, G);
  const members = new Int32Array(n * L);
  for (let i = 0; i < n * L; i++) members[fill[gid[i]]++] = (i / L) | 0;

  const used = new Uint8Array(G);
  const dist = new Int32Array(total);
  const queue = new Int32Array(total);
  let head = 0;
  let tail = 0;
  queue[tail++] = beginId;
  dist[beginId] = 1;
  while (head < tail) {
    const u = queue[head++];
    for (let p = 0; p < L; p++) {
      const g = gid[u * L + p];
      if (used[g]) continue;
      used[g] = 1; // every group is expanded at most once
      for (let k = start[g]; k < start[g + 1]; k++) {
        const v = members[k];
        if (dist[v] === 0) {
          dist[v] = dist[u] + 1;
          if (v === endId) return dist[v];
          queue[tail++] = v;
        }
      }
    }
  }
  return 0;
}

process.stdout.write(String(solve()) + '\n');
