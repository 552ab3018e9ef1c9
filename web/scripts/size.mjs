// Fails when the gzipped JS + CSS loaded by the first page (index.html's scripts, styles and
// module preloads) or the whole app (every lazily loaded screen too) exceeds its budget.
// A retiree on a slow phone pays the first; the second keeps the screens themselves lean.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const INITIAL_BUDGET = 60 * 1024;
// 180 KB held until the party year's screens (dues, year-end review, admission: 24.7 KB of lazily
// loaded chunks, none on the first page) took the app to 181 KB; 200 KB leaves room for one more
// such area before the screens need trimming.
const TOTAL_BUDGET = 200 * 1024;
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
const initialNames = new Set(
  [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+)"/g)].map((m) => m[1]),
);
let total = 0;
let initial = 0;
for (const p of all) {
  const gz = gzipSync(readFileSync(p), { level: 9 }).length;
  const first = initialNames.has(p.slice(dist.length));
  total += gz;
  if (first) initial += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${p.slice(dist.length)}${first ? '  (first page)' : ''}`);
}
const kb = (n) => (n / 1024).toFixed(1);
const line =
  `size: first page ${kb(initial)} KB (budget ${INITIAL_BUDGET / 1024} KB), ` +
  `whole app ${kb(total)} KB (budget ${TOTAL_BUDGET / 1024} KB), gzipped JS+CSS`;
if (initial > INITIAL_BUDGET || total > TOTAL_BUDGET || initial === 0) {
  console.error(`${line}: OVER BUDGET${initial === 0 ? ' (no first-page assets found in index.html)' : ''}`);
  process.exit(1);
}
console.log(line);
