// plan -o and doctor --capture write through the same safe write as apply: a link is refused, an existing looser
// mode is tightened to 0600 (and said), a missing folder is a clear error, and under sudo the file belongs to the
// owner of the folder it lands in.
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type Machine, machineFrom, runCli } from './helpers.js';

const { GOOD_DOCKER, DROP_IN, variant } = fixtures;
const isRoot = process.getuid?.() === 0;
const made: Machine[] = [];
afterAll(() => {
  for (const m of made) rmSync(m.dir, { recursive: true, force: true });
});

function machine(): Machine {
  const m = machineFrom(synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN] })));
  made.push(m);
  return m;
}

const commands: [string, (m: Machine, out: string) => string[]][] = [
  ['plan -o', (m, out) => ['plan', '--root', m.root, '--proxy', 'http://u:pw@proxy:3128', '-o', out]],
  ['doctor --capture', (m, out) => ['doctor', '--root', m.root, '--capture', out]],
];

describe.each(commands)('%s', (_name, args) => {
  it('refuses to write through a symbolic link, naming it; the link target is untouched', async () => {
    const m = machine();
    const victim = join(m.dir, 'victim');
    writeFileSync(victim, 'keep\n');
    const out = join(m.dir, 'out.json');
    symlinkSync(victim, out);
    const r = await runCli(args(m, out), { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${out} is a symbolic link (to ${victim})`);
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
    expect(readlinkSync(out)).toBe(victim);
  });

  it('tightens an existing 0644 file to 0600 and says so', async () => {
    const m = machine();
    const out = join(m.dir, 'out.json');
    writeFileSync(out, 'old\n', { mode: 0o644 });
    chmodSync(out, 0o644);
    const r = await runCli(args(m, out), { m });
    expect(r.stderr).toMatch(/mode tightened from 0644 to 0600/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).not.toBe('old\n');
  });

  it('a missing folder is a clear error (exit 2), nothing created', async () => {
    const m = machine();
    const r = await runCli(args(m, join(m.dir, 'no/such/dir/out.json')), { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the folder .*\/no does not exist; create it first/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it.runIf(isRoot)(
    'run by root in a folder a plain user owns: the file is that user’s (nobody), written as it',
    async () => {
      const m = machine();
      chmodSync(m.dir, 0o755);
      const own = join(m.dir, 'users-folder');
      mkdirSync(own);
      chownSync(own, 65534, 65534);
      const out = join(own, 'out.json');
      const r = await runCli(args(m, out), { m });
      expect(r.stderr).not.toMatch(/cannot write/);
      expect(statSync(out).uid).toBe(65534);
      expect(statSync(out).mode & 0o777).toBe(0o600);
    },
  );
});
