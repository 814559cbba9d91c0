const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin });
let low = 1, high = 1e9;
let guess = Math.floor((low + high) / 2);
process.stdout.write(guess + '\n');
rl.on('line', (line) => {
  const answer = line.trim();
  if (answer === 'correct') { rl.close(); return; }
  if (answer === 'higher') low = guess + 1; else high = guess - 1;
  guess = Math.floor((low + high) / 2);
  process.stdout.write(guess + '\n');
});
