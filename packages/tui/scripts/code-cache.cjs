// After the build: V8's code cache for the files a plain doctor loads (dist/doctor.cjs, dist/report.cjs), made by
// a training run of `doctor --json` on an empty machine through the CLI's own loader (src/code-cache.ts), with
// this Node. Written to dist/v8cache/KEY.bin, and dist/v8cache/index.json maps each file to the KEY of its exact
// text and this V8: a Node whose V8 differs, or a file rebuilt since, finds no cache and compiles as before.
// Usage: node scripts/code-cache.cjs DIST
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const [dist, child] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node scripts/code-cache.cjs DIST');
  process.exit(2);
}
const dir = resolve(dist);

if (child === '--train') {
  // The training run itself: the CLI with its loader reading no cache, and saving what it compiled.
  const { codeCacheLoader, cacheKey } = require(join(dir, 'code-cache.cjs'));
  const loader = codeCacheLoader(dir, { noCache: true });
  globalThis.__buildproxySibling = loader;
  process.on('exit', () => {
    const out = join(dir, 'v8cache');
    mkdirSync(out, { recursive: true });
    const index = {};
    for (const [name, script] of loader.scripts) {
      const key = cacheKey(readFileSync(join(dir, name)));
      writeFileSync(join(out, `${key}.bin`), script.createCachedData());
      index[name] = key;
    }
    writeFileSync(join(out, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  });
  process.argv = [process.argv[0], join(dir, 'cli.cjs'), ...process.argv.slice(4)];
  require(join(dir, 'cli.cjs'));
} else {
  rmSync(join(dir, 'v8cache'), { recursive: true, force: true });
  // An empty machine: no docker, nothing on PATH, an empty --root; the output is not wanted.
  const root = mkdtempSync(join(tmpdir(), 'buildproxy-code-cache-'));
  try {
    const r = spawnSync(process.execPath, [__filename, dir, '--train', 'doctor', '--json', '--root', root], {
      env: { PATH: '/nonexistent', HOME: root },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // exit 0 or 1 (findings); anything else is a broken build
    if (r.status !== 0 && r.status !== 1) {
      console.error(`code-cache: the training run of doctor failed (exit ${r.status ?? r.signal})`);
      process.exit(1);
    }
    const index = JSON.parse(readFileSync(join(dir, 'v8cache', 'index.json'), 'utf8'));
    console.log(`code-cache: ${Object.keys(index).join(', ')} (V8 ${process.versions.v8})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
