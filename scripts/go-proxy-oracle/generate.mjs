#!/usr/bin/env node
// Regenerates packages/core/test/proxy/go-oracle/table.json: every case of cases.mjs answered by real Go
// (1.24 from Debian trixie; 1.19 from bookworm, kept only where it differs), each case in a fresh process
// with exactly the case's environment (see main.go for why).
//   node scripts/go-proxy-oracle/generate.mjs           (fetches the toolchains with fetch-go.sh if needed)
// The vitest differential test (packages/core/test/proxy/go-oracle.test.ts) checks route's Go logic against it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../../packages/core/test/proxy/go-oracle/table.json');
const work = mkdtempSync(join(tmpdir(), 'go-oracle-'));

function build(ver) {
  const goroot = execFileSync(join(here, 'fetch-go.sh'), [ver], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  const bin = join(work, `oracle-${ver}`);
  // No go.mod: the file is built with the toolchain's own language version and GODEBUG defaults, as a
  // daemon built by that toolchain would be.
  execFileSync(join(goroot, 'bin/go'), ['build', '-o', bin, 'main.go'], {
    cwd: here,
    env: {
      PATH: process.env.PATH,
      HOME: work,
      GOCACHE: join(work, 'cache'),
      GOPATH: join(work, 'gopath'),
      GOTOOLCHAIN: 'local',
      GO111MODULE: 'off',
      GOROOT: goroot,
    },
    stdio: 'inherit',
  });
  const version = execFileSync(join(goroot, 'bin/go'), ['version'], { encoding: 'utf8' }).trim();
  return { bin, version };
}

function ask(bin, c) {
  const r = spawnSync(bin, [c.url], { env: c.env, encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) throw new Error(`oracle failed on ${JSON.stringify(c)}: ${r.stderr}`);
  const { go: _go, ...a } = JSON.parse(r.stdout);
  // null fields are left out to keep the table small
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null));
}

try {
  const cases = generate();
  const go124 = build('1.24');
  const go119 = build('1.19');
  let differ = 0;
  const rows = cases.map((c) => {
    const a = ask(go124.bin, c);
    const b = ask(go119.bin, c);
    const row = { ...c, go: a };
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      row.go119 = b;
      differ++;
    }
    return row;
  });
  const header = {
    generatedBy: 'scripts/go-proxy-oracle/generate.mjs',
    go: go124.version,
    go119: go119.version,
    note: 'go: answers of Go 1.24 (net/http ProxyFromEnvironment + a Transport dial), one fresh process per case; go119 only where Go 1.19 differs',
    count: rows.length,
  };
  const body = rows.map((r) => JSON.stringify(r)).join(',\n');
  writeFileSync(out, `{"header":${JSON.stringify(header)},\n"cases":[\n${body}\n]}\n`);
  console.log(`${rows.length} cases, ${differ} differ under ${go119.version}; wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
