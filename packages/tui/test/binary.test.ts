// The single executable as it reaches a machine without Node: copied on its own into an empty directory, its
// .sha256 checked with coreutils, then run with a PATH that holds only coreutils — no node anywhere.
// The binary is built by `pnpm build:binary` (done here when it is missing or stale; cached otherwise).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, smoke, wizardStarts } from './smoke.js';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;
const NAME = 'buildproxy-linux-x64';
const built = join(pkgDir, 'dist-bin', NAME);
const s = scratch();
const machine = join(s.dir, 'machine'); // where the binary is copied to
const coreutils = join(s.dir, 'coreutils'); // the only PATH it gets
const COREUTILS = [
  'cat',
  'cp',
  'env',
  'echo',
  'head',
  'id',
  'ls',
  'mkdir',
  'rm',
  'sha256sum',
  'sleep',
  'tail',
];
const env = () => ({ PATH: coreutils, HOME: join(s.root, 'home/alice') });
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

beforeAll(() => {
  if (!onLinuxX64) return;
  execFileSync(process.execPath, [join(pkgDir, 'scripts/build-binary.mjs')], { stdio: 'inherit' });
  mkdirSync(machine);
  mkdirSync(coreutils);
  for (const c of COREUTILS) {
    const at = [`/usr/bin/${c}`, `/bin/${c}`].find(existsSync);
    if (at) symlinkSync(at, join(coreutils, c));
  }
  copyFileSync(built, join(machine, NAME));
  copyFileSync(`${built}.sha256`, join(machine, `${NAME}.sha256`));
}, 300_000);
afterAll(() => s.cleanup());

describe.runIf(onLinuxX64)('the single executable on a machine without node', () => {
  it('has a .sha256 that sha256sum -c accepts, and is executable', () => {
    const check = spawnSync('sha256sum', ['-c', `${NAME}.sha256`], {
      cwd: machine,
      encoding: 'utf8',
      env: env(),
    });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toBe(`${NAME}: OK\n`);
    expect(statSync(join(machine, NAME)).mode & 0o111).toBe(0o111);
  });

  it('finds no node on the PATH it is given', () => {
    const which = spawnSync(join(coreutils, 'env'), ['node', '-e', '0'], { env: env(), encoding: 'utf8' });
    expect(which.status).not.toBe(0);
    expect(which.stderr).toMatch(/No such file or directory/);
  });

  it('runs --version, doctor, plan, why, mcp and the wizard flow', () => {
    smoke(join(machine, NAME), version, machine, s.root, env());
  });

  it('starts the interactive wizard in a terminal', async () => {
    const screen = await wizardStarts(
      `cd ${machine} && ${coreutils}/env -i PATH=${coreutils} HOME=${env().HOME} TERM=xterm-256color NO_COLOR=1 ./${NAME}`,
      s.root,
    );
    expect(screen).toMatch(/buildproxy · step/);
  });
});
