#!/usr/bin/env node
// Regenerates packages/core/test/proxy/go-oracle/table.json: every case of cases.mjs answered by real Go
// (1.24 from Debian trixie; 1.23, 1.22, 1.21 from bookworm-backports and 1.19 from bookworm, each kept only where
// it differs), each case in a fresh process
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

// Go 1.24 is the reference (dockerd 26+, buildx); each other version's answer is kept only where it differs.
// 1.21-1.23 built dockerd 25-28 and buildx 0.12-0.20; 1.19 built Debian's dockerd 20.10. Go 1.20 is in no Debian
// suite (see fetch-go.sh).
const OTHERS = ['1.23', '1.22', '1.21', '1.19'];
const key = (ver) => `go${ver.replace('.', '')}`;

try {
  const cases = generate();
  const go124 = build('1.24');
  const others = OTHERS.map((ver) => ({ ver, ...build(ver), differ: 0 }));
  const rows = cases.map((c) => {
    const a = ask(go124.bin, c);
    const row = { ...c, go: a };
    for (const o of others) {
      const b = ask(o.bin, c);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        row[key(o.ver)] = b;
        o.differ++;
      }
    }
    return row;
  });
  const header = {
    generatedBy: 'scripts/go-proxy-oracle/generate.mjs',
    go: go124.version,
    ...Object.fromEntries(others.map((o) => [key(o.ver), o.version])),
    differ: Object.fromEntries(others.map((o) => [key(o.ver), o.differ])),
    note: 'go: answers of Go 1.24 (net/http ProxyFromEnvironment + a Transport dial), one fresh process per case; go123, go122, go121, go119 only where that version differs',
    count: rows.length,
  };
  const body = rows.map((r) => JSON.stringify(r)).join(',\n');
  writeFileSync(out, `{"header":${JSON.stringify(header)},\n"cases":[\n${body}\n]}\n`);
  for (const o of others) console.log(`${o.differ} of ${rows.length} cases differ under ${o.version}`);
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
