// What the wizard loads before its first frame, on the built CLI in a real pseudo-terminal (util-linux `script`):
// its one file from V8's code cache made at build time, and Ink without Node's fetch. Node 20's fetch loads undici
// on first touch, and Ink's layout engine (yoga) takes its inlined WebAssembly through fetch when there is one:
// ~20 ms of the first frame (BENCHMARKS.md). Behaviour only; the time itself is `pnpm bench`'s wizard row.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, makeMachine } from './helpers.js';

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The wizard in a terminal until its screen is still, then `q`; what the recorder saw at exit. */
async function firstScreen(): Promise<{
  cache: [string, string][];
  fetched: boolean;
  status: number | null;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'buildproxy-wizard-loads-'));
  try {
    const m = makeMachine();
    const record = join(dir, 'record.cjs');
    // fetch's own getter, wrapped: any touch of the global (even `typeof fetch`) is recorded
    writeFileSync(
      record,
      `const d = Object.getOwnPropertyDescriptor(globalThis, 'fetch'); let fetched = false;
Object.defineProperty(globalThis, 'fetch', { configurable: true, enumerable: d.enumerable, get() { fetched = true; return d.get ? d.get.call(this) : d.value; }, set: d.set });
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.json'))}, JSON.stringify({ fetched, cache: [...globalThis.__buildproxySibling.codeCache] })));`,
    );
    const cmd = `${shq(process.execPath)} --require ${shq(record)} ${shq(CLI)} --root ${shq(m.root)}`;
    const status = await new Promise<number | null>((resolve) => {
      const child = spawn(SCRIPT!, ['-qec', cmd, '/dev/null'], {
        env: { PATH: m.bin, HOME: '/nonexistent', TERM: 'xterm-256color' },
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      let still: NodeJS.Timeout | undefined;
      child.stdout.on('data', () => {
        clearTimeout(still);
        still = setTimeout(() => child.stdin.write('q'), 500);
      });
      child.stdin.on('error', () => {});
      child.on('close', (code) => {
        clearTimeout(still);
        resolve(code);
      });
    });
    return { ...JSON.parse(readFileSync(join(dir, 'loaded.json'), 'utf8')), status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!SCRIPT)('what the wizard loads for its first frame', () => {
  it('its file from the code cache, and Ink without touching fetch', async () => {
    const seen = await firstScreen();
    expect(seen.status).toBe(130); // q: "Cancelled — nothing written"
    expect(seen.cache).toEqual([['wizard.cjs', 'accepted']]);
    expect(seen.fetched).toBe(false);
  }, 60_000);
});
