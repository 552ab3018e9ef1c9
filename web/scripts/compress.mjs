// Writes precompressed siblings next to the built files (x.js -> x.js.gz, x.js.br) so that
// `chibo serve` sends them to browsers that accept them, with no compression work per request.
// Node's own zlib does both gzip and brotli: no plugin needed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const TYPES = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.ico']);
const MIN_BYTES = 1024; // below this the encoding header costs about what it saves

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let count = 0;
let before = 0;
let after = 0;
for (const file of files(dist)) {
  if (!TYPES.has(extname(file))) continue;
  const data = readFileSync(file);
  if (data.length < MIN_BYTES) continue;
  const gz = gzipSync(data, { level: 9 });
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  // A sibling that saves nothing is not written: the server then sends the original.
  if (gz.length < data.length) writeFileSync(file + '.gz', gz);
  if (br.length < data.length) writeFileSync(file + '.br', br);
  count += 1;
  before += data.length;
  after += br.length;
}
console.log(`compress: ${count} files, ${(before / 1024).toFixed(1)} KB -> ${(after / 1024).toFixed(1)} KB brotli`);
