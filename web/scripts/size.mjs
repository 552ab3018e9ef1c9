// Fails when the gzipped JS + CSS in dist/ exceeds the initial-load budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let all;
try {
  all = files(dist).filter((p) => ['.js', '.css'].includes(extname(p)));
} catch {
  console.error('size: dist/ not found; run `npm run build` first');
  process.exit(1);
}
let total = 0;
for (const p of all) {
  const gz = gzipSync(readFileSync(p), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${p.slice(dist.length)}`);
}
const line = `size: ${(total / 1024).toFixed(1)} KB gzipped JS+CSS (budget ${BUDGET / 1024} KB)`;
if (total > BUDGET) {
  console.error(`${line}: OVER BUDGET`);
  process.exit(1);
}
console.log(line);
