// The npm package as a user gets it: packed, installed from the tarball alone into an empty prefix, with an
// empty npm cache and --offline (so nothing can come from a registry, the workspace or this machine's cache),
// then every command run from a clean directory. `pnpm release` runs this same file on the tarball it made
// (BUILDPROXY_TARBALL).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, smoke, wizardStarts } from './smoke.js';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;
const s = scratch();
let tarball = process.env.BUILDPROXY_TARBALL ?? '';
const prefix = join(s.dir, 'prefix');
// PATH for the installed CLI: its own bin and node, nothing else (no docker, no pnpm, no workspace).
const nodeOnly = join(s.dir, 'node-only');
const env = () => ({ PATH: `${join(prefix, 'bin')}:${nodeOnly}`, HOME: join(s.root, 'home/alice') });

beforeAll(() => {
  if (!tarball) {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', s.dir], {
      cwd: pkgDir,
      encoding: 'utf8',
    });
    tarball = join(s.dir, `buildproxy-${version}.tgz`);
    expect(out).toContain(`buildproxy-${version}.tgz`);
  }
  mkdirSync(nodeOnly);
  symlinkSync(process.execPath, join(nodeOnly, 'node'));
}, 120_000);
afterAll(() => s.cleanup());

describe('the packed npm package', () => {
  it('depends on nothing and carries no workspace specifiers', () => {
    const unpacked = join(s.dir, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const text = readFileSync(join(unpacked, 'package/package.json'), 'utf8');
    expect(text).not.toMatch(/catalog:|workspace:/);
    const pkg = JSON.parse(text);
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg).toMatchObject({
      name: 'buildproxy',
      version,
      license: 'MIT',
      homepage: 'https://buildproxy.dev',
      bin: { buildproxy: 'dist/cli.cjs' },
    });
    expect(pkg.engines.node).toMatch(/^>=20/);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toEqual(
      expect.arrayContaining(['package/LICENSE', 'package/CHANGELOG.md', 'package/dist/cli.cjs']),
    );
    // Only what runs: no sources, tests, maps or binaries.
    expect(files.filter((f) => /\.(ts|tsx|map)$|dist-bin|\/test\//.test(f))).toEqual([]);
    expect(readFileSync(join(unpacked, 'package/CHANGELOG.md'), 'utf8')).toContain(`## ${version}`);
  });

  it('installs offline from the tarball alone, with an empty npm cache', () => {
    const cache = join(s.dir, 'empty-cache');
    mkdirSync(cache);
    execFileSync(
      'npm',
      ['i', '-g', '--prefix', prefix, '--cache', cache, '--offline', '--no-audit', '--no-fund', tarball],
      // A bare environment: no npm_config_* from pnpm, no registry settings, no proxy.
      { cwd: s.dir, env: { PATH: process.env.PATH ?? '', HOME: s.dir }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(readFileSync(join(prefix, 'lib/node_modules/buildproxy/package.json'), 'utf8')).toContain(version);
  }, 150_000);

  it('runs --version, doctor, plan, why and the wizard flow from a clean directory', () => {
    smoke(join(prefix, 'bin/buildproxy'), version, s.dir, s.root, env());
  });

  it('starts the interactive wizard in a terminal', async () => {
    const e = env();
    const screen = await wizardStarts(
      `cd ${s.dir} && env -i PATH=${e.PATH} HOME=${e.HOME} TERM=xterm-256color NO_COLOR=1 buildproxy`,
      s.root,
    );
    expect(screen).toMatch(/buildproxy · step/);
  });
});
