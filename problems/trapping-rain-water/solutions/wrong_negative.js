'use strict';
// Uses the highest bar strictly to the left and strictly to the right of each bar,
// and forgets that a bar taller than both of them holds no water (adds a negative amount).
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const n = data[0];
const h = data.slice(1, 1 + n);
const leftMax = new Array(n).fill(0);
const rightMax = new Array(n).fill(0);
for (let i = 1; i < n; i++) leftMax[i] = Math.max(leftMax[i - 1], h[i - 1]);
for (let i = n - 2; i >= 0; i--) rightMax[i] = Math.max(rightMax[i + 1], h[i + 1]);
let water = 0;
for (let i = 1; i < n - 1; i++) water += Math.min(leftMax[i], rightMax[i]) - h[i];
console.log(String(water));
