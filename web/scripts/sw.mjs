// Writes dist/sw.js from sw/sw.template.js: the list of app-shell files (index.html, every built
// asset, the manifest and icons) and a version made from their contents, so a new build replaces
// the kept shell and an unchanged one keeps it. Runs after `vite build`; fetches nothing.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const web = new URL('..', import.meta.url).pathname;
const dist = join(web, 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const shell = files(dist)
  .filter((p) => !/\.(gz|br)$/.test(p) && !p.endsWith('sw.js'))
  .map((p) => './' + relative(dist, p).split('\\').join('/'))
  .sort();
const hash = createHash('sha256');
for (const f of shell) hash.update(f).update(readFileSync(join(dist, f)));
const version = hash.digest('hex').slice(0, 12);
const sw = readFileSync(join(web, 'sw', 'sw.template.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace('__SHELL__', JSON.stringify(shell));
writeFileSync(join(dist, 'sw.js'), sw);
console.log(`sw: ${shell.length} shell files, version ${version}`);
