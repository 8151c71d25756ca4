// Fails the build when a rule has no page in the built site.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { execFileSync } = await import('node:child_process');
const ids = JSON.parse(
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../../tui/dist/cli.cjs', import.meta.url)), 'rules', '--json'],
    { encoding: 'utf8' },
  ),
).map((r) => r.id);
const missing = ids.filter((id) => !existsSync(join(dist, 'rules', id, 'index.html')));
if (missing.length) {
  console.error(`rules without a page: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`all ${ids.length} rules have a page`);
