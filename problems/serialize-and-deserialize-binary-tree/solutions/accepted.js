'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);

// A tree is {val, left, right, root}; -1 means "no node".
function newTree() {
  return { val: [], left: [], right: [], root: -1 };
}
function addNode(tr, v) {
  tr.val.push(v);
  tr.left.push(-1);
  tr.right.push(-1);
  return tr.val.length - 1;
}

function fromLevel(toks) {
  const tr = newTree();
  if (toks.length === 0 || toks[0] === 'null') return tr;
  tr.root = addNode(tr, parseInt(toks[0], 10));
  let head = 0;
  let k = 1;
  while (head < tr.val.length && k < toks.length) {
    if (k < toks.length && toks[k] !== 'null') tr.left[head] = addNode(tr, parseInt(toks[k], 10));
    k++;
    if (k < toks.length && toks[k] !== 'null') tr.right[head] = addNode(tr, parseInt(toks[k], 10));
    k++;
    head++;
  }
  return tr;
}

function fromPreorder(toks) {
  const tr = newTree();
  if (toks[0] === 'null') return tr;
  tr.root = addNode(tr, parseInt(toks[0], 10));
  const stack = [tr.root];
  const filledLeft = [false];
  for (let k = 1; k < toks.length; k++) {
    const parent = stack[stack.length - 1];
    const child = toks[k] === 'null' ? -1 : addNode(tr, parseInt(toks[k], 10));
    if (!filledLeft[filledLeft.length - 1]) {
      tr.left[parent] = child;
      filledLeft[filledLeft.length - 1] = true;
    } else {
      tr.right[parent] = child;
      stack.pop();
      filledLeft.pop();
    }
    if (child >= 0) {
      stack.push(child);
      filledLeft.push(false);
    }
  }
  return tr;
}

function toPreorder(tr) {
  const out = [];
  const stack = [tr.root];
  while (stack.length > 0) {
    const u = stack.pop();
    if (u < 0) {
      out.push('null');
    } else {
      out.push(String(tr.val[u]));
      stack.push(tr.right[u]);
      stack.push(tr.left[u]);
    }
  }
  return out;
}

function toLevel(tr) {
  if (tr.root < 0) return [];
  const out = [String(tr.val[tr.root])];
  const order = [tr.root];
  for (let head = 0; head < order.length; head++) {
    const u = order[head];
    for (const c of [tr.left[u], tr.right[u]]) {
      if (c < 0) {
        out.push('null');
      } else {
        out.push(String(tr.val[c]));
        order.push(c);
      }
    }
  }
  while (out.length > 0 && out[out.length - 1] === 'null') out.pop();
  return out;
}

const t = parseInt(data[0], 10);
let pos = 1;
const lines = [];
for (let i = 0; i < t; i++) {
  const fmt = data[pos];
  const m = parseInt(data[pos + 1], 10);
  const toks = data.slice(pos + 2, pos + 2 + m);
  pos += 2 + m;
  const res = fmt === 'level' ? toPreorder(fromLevel(toks)) : toLevel(fromPreorder(toks));
  lines.push([String(res.length)].concat(res).join(' '));
}
process.stdout.write(lines.join('\n') + '\n');
