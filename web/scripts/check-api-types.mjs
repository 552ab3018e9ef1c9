// Fails when src/lib/api-schema.d.ts is not what openapi-typescript makes of
// docs/openapi.json now: the spec changed and `npm run api-types` was not run (or the
// generated file was edited by hand). Run by CTest; needs `npm ci` in web/ first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(web, 'node_modules', '.bin', 'openapi-typescript');
const checkedIn = join(web, 'src', 'lib', 'api-schema.d.ts');
if (!existsSync(bin)) {
  console.error(`openapi-typescript is not installed: run npm ci in ${web}`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'chibo-api-types-'));
try {
  const fresh = join(dir, 'api-schema.d.ts');
  execFileSync(bin, [join(web, '..', 'docs', 'openapi.json'), '-o', fresh], { stdio: 'pipe' });
  const want = readFileSync(fresh, 'utf8');
  const have = existsSync(checkedIn) ? readFileSync(checkedIn, 'utf8') : '';
  if (want !== have) {
    const a = have.split('\n'), b = want.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    console.error(`web/src/lib/api-schema.d.ts is stale (first difference at line ${line + 1}):`);
    console.error(`  checked in: ${a[line] ?? '(end of file)'}`);
    console.error(`  generated:  ${b[line] ?? '(end of file)'}`);
    console.error('Run `npm run api-types` in web/ and commit the result.');
    process.exit(1);
  }
  console.log('web/src/lib/api-schema.d.ts matches docs/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
