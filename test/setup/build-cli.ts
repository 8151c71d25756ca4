// vitest globalSetup: the tui tests run the built CLI (packages/tui/dist), so build it first whenever a source
// file is newer than the bundle — a test never runs a stale dist/. Fresh bundles cost one directory walk.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'packages/tui/dist');
const SOURCES = [
  'packages/core/src',
  'packages/tui/src',
  'packages/tui/tsup.config.ts',
  'packages/tui/package.json',
];

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function oldestBundle(): number {
  if (!existsSync(join(DIST, 'cli.cjs'))) return 0;
  const bundles = readdirSync(DIST).filter((f) => f.endsWith('.cjs'));
  return Math.min(...bundles.map((f) => statSync(join(DIST, f)).mtimeMs));
}

export default function setup(): void {
  const source = Math.max(...SOURCES.map((p) => newest(join(ROOT, p))));
  if (source <= oldestBundle()) return;
  process.stderr.write('tui: sources changed since the last build; building packages/tui/dist first\n');
  execFileSync('pnpm', ['--filter', 'buildproxy', 'run', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
