// CodeArena's harness for a JavaScript function problem: one test, one call of the user's code.
//
// It reads the test (one JSON value per line) from stdin, runs the user's main.js as a script
// (so its top-level `var twoSum = function ...`, `function`, or `class` is found by name),
// calls what the problem names, and writes the result as one line of JSON to file descriptor
// 3, only after the call returned. stdout and stderr are the user's own (debug output). The
// generator puts the problem's signature in SPEC.
'use strict';
const fs = require('fs');
const vm = require('vm');

const SPEC = {}; // CODEARENA-SPEC: replaced by the generator with the problem's signature
const RESULT_FD = 3;
const SOURCE = 'main.js';
const MAX_NODES = 10000000; // a list or tree returned with more nodes than this has a cycle

function ListNode(val, next) {
  this.val = val === undefined ? 0 : val;
  this.next = next === undefined ? null : next;
}

function TreeNode(val, left, right) {
  this.val = val === undefined ? 0 : val;
  this.left = left === undefined ? null : left;
  this.right = right === undefined ? null : right;
}

function fail(message) {
  process.stderr.write('harness: ' + message + '\n');
  process.exit(2);
}

// What the user's script defined under `name` (a var, function or class), or undefined.
function lookup(name) {
  return vm.runInThisContext(`typeof ${name} === 'undefined' ? undefined : ${name}`);
}

// -- values in ---------------------------------------------------------------------------------

// The node classes, the user's own if main.js defines them (after it ran).
const Nodes = { ListNode, TreeNode };

function makeList(values) {
  const Node = Nodes.ListNode;
  let head = null;
  for (let i = values.length - 1; i >= 0; i--) head = new Node(values[i], head);
  return head;
}

function makeTree(values) {
  if (values.length === 0) return null;
  const Node = Nodes.TreeNode;
  const root = new Node(values[0], null, null);
  let level = [root];
  let i = 1;
  while (level.length > 0 && i < values.length) {
    const following = [];
    for (const node of level) {
      if (i < values.length && values[i] !== null) following.push((node.left = new Node(values[i], null, null)));
      i++;
      if (i < values.length && values[i] !== null) following.push((node.right = new Node(values[i], null, null)));
      i++;
    }
    level = following;
  }
  return root;
}

function decode(value, type) {
  const [base, depth] = type;
  if (depth > 0) {
    if (base !== 'ListNode' && base !== 'TreeNode') return value;
    return value.map((v) => decode(v, [base, depth - 1]));
  }
  if (base === 'ListNode') return makeList(value);
  if (base === 'TreeNode') return makeTree(value);
  return value;
}

// -- values out -------------------------------------------------------------------------------

function listValues(node) {
  const out = [];
  for (; node !== null && node !== undefined; node = node.next) {
    if (out.length >= MAX_NODES) throw new Error('the list returned has a cycle');
    out.push(node.val);
  }
  return out;
}

function treeValues(root) {
  const out = [];
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (node === null || node === undefined) {
      out.push(null);
      continue;
    }
    if (queue.length > MAX_NODES) throw new Error('the tree returned has a cycle');
    out.push(node.val);
    queue.push(node.left === undefined ? null : node.left, node.right === undefined ? null : node.right);
  }
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

// The value as JSON.stringify should write it: a list or tree (the empty one too) as its array.
function plain(value, type) {
  const [base, depth] = type;
  if (depth === 0 && base === 'ListNode') return listValues(value === undefined ? null : value);
  if (depth === 0 && base === 'TreeNode') return treeValues(value === undefined ? null : value);
  if (value === undefined || value === null) return null;
  if (depth > 0 && (base === 'ListNode' || base === 'TreeNode')) {
    return Array.from(value, (v) => plain(v, [base, depth - 1]));
  }
  return value;
}

function encode(value, type) {
  if (type[0] === 'void') return 'null';
  const text = JSON.stringify(plain(value, type));
  return text === undefined ? 'null' : text;
}

// -- the calls --------------------------------------------------------------------------------

function findFunction(method) {
  const found = lookup(method.call);
  if (typeof found === 'function') return found;
  const Solution = lookup('Solution');
  if (typeof Solution === 'function') {
    const solution = new Solution();
    if (typeof solution[method.call] === 'function') return solution[method.call].bind(solution);
  }
  return fail(`${SOURCE} defines no function ${method.call}`);
}

function findClass() {
  const found = lookup(SPEC.class);
  if (typeof found !== 'function') fail(`${SOURCE} defines no class ${SPEC.class}`);
  return found;
}

function callFunction(lines) {
  const method = SPEC.methods[0];
  const params = method.params;
  if (lines.length !== params.length) fail(`expected ${params.length} lines of input, found ${lines.length}`);
  const args = params.map((p, i) => decode(lines[i], p.type));
  const returned = findFunction(method)(...args);
  if (SPEC.result !== null) {
    const index = params.findIndex((p) => p.name === SPEC.result);
    return encode(args[index], params[index].type);
  }
  return encode(returned, method.returns);
}

function callDesign(lines) {
  if (lines.length !== 2) fail('expected 2 lines of input: the calls, then their arguments');
  const [calls, args] = lines;
  const Class = findClass();
  const methods = new Map(SPEC.methods.map((m) => [m.name, m]));
  const object = new Class(...SPEC.constructor.map((p, i) => decode(args[0][i], p.type)));
  const out = ['null'];
  for (let i = 1; i < calls.length; i++) {
    const method = methods.get(calls[i]);
    if (method === undefined) fail(`no method ${calls[i]}`);
    const given = method.params.map((p, k) => decode(args[i][k], p.type));
    out.push(encode(object[method.call](...given), method.returns));
  }
  return '[' + out.join(',') + ']';
}

function wipe(value) {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined || typeof node !== 'object') continue;
    for (const key of ['next', 'left', 'right']) {
      if (node[key]) stack.push(node[key]);
      if (key in node) node[key] = null;
    }
    node.val = 0;
  }
}

// The codec's two methods: of a class, or (LeetCode's JavaScript) two top-level functions.
function codecMethods() {
  const [encodeMethod, decodeMethod] = SPEC.methods;
  const Class = lookup(SPEC.class);
  if (typeof Class === 'function') {
    return [(v) => new Class()[encodeMethod.call](v), (v) => new Class()[decodeMethod.call](v)];
  }
  const [encodeFunction, decodeFunction] = [lookup(encodeMethod.call), lookup(decodeMethod.call)];
  if (typeof encodeFunction !== 'function' || typeof decodeFunction !== 'function') {
    fail(`${SOURCE} defines no class ${SPEC.class}, nor functions ${encodeMethod.call} and ${decodeMethod.call}`);
  }
  return [encodeFunction, decodeFunction];
}

function callCodec(lines) {
  const [encodeMethod, decodeMethod] = SPEC.methods;
  const param = encodeMethod.params[0];
  const [encodeValue, decodeText] = codecMethods();
  const value = decode(lines[0], param.type);
  const text = encodeValue(value);
  if (encodeMethod.returns[0] === 'string' && typeof text !== 'string') {
    fail(`${encodeMethod.call} must return a string, returned ${typeof text}`);
  }
  if (param.type[0] === 'ListNode' || param.type[0] === 'TreeNode') wipe(value);
  return encode(decodeText(text), decodeMethod.returns);
}

function main() {
  const lines = fs.readFileSync(0, 'utf8').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const values = lines.map((line, i) => {
    try {
      return JSON.parse(line);
    } catch (e) {
      return fail(`input line ${i + 1} is not one JSON value: ${line.slice(0, 80)}`);
    }
  });
  globalThis.ListNode = ListNode;
  globalThis.TreeNode = TreeNode;
  globalThis.require = require;
  globalThis.module = { exports: {} };
  vm.runInThisContext(fs.readFileSync(SOURCE, 'utf8'), { filename: SOURCE });
  Nodes.ListNode = lookup('ListNode') || ListNode;
  Nodes.TreeNode = lookup('TreeNode') || TreeNode;
  const call = { function: callFunction, design: callDesign, codec: callCodec }[SPEC.kind];
  const result = Buffer.from(call(values) + '\n', 'utf8');
  for (let at = 0; at < result.length; ) at += fs.writeSync(RESULT_FD, result, at, result.length - at);
}

main();
