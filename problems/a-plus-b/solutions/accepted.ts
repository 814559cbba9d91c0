import * as fs from 'fs';

const data: number[] = fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n: number = data[0];
const lines: string[] = [];
for (let i = 0; i < n; i++) {
    lines.push(String(data[1 + 2 * i] + data[2 + 2 * i]));
}
process.stdout.write(lines.join('\n') + '\n');
