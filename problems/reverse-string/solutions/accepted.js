const input = require('fs').readFileSync(0);
// skip the first line (n), then take the bytes of the second line
let start = input.indexOf(10) + 1;
let end = input.indexOf(10, start);
if (end === -1) end = input.length;
while (end > start && input[end - 1] <= 32) end--; // tolerate a trailing '\r' or spaces
const s = Buffer.from(input.subarray(start, end));
// two pointers, swapping from both ends towards the middle
for (let i = 0, j = s.length - 1; i < j; i++, j--) {
  const c = s[i];
  s[i] = s[j];
  s[j] = c;
}
process.stdout.write(Buffer.concat([s, Buffer.from('\n')]));
