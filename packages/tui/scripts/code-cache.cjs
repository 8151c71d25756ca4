// After the build: V8's code cache for the files a plain doctor loads (dist/doctor.cjs, dist/report.cjs), made by
// a training run of `doctor --json` through the CLI's own loader (src/code-cache.ts), with this Node: on an empty
// machine whose daemon (a stand-in HTTP server on a unix socket) answers /version and /info, so that the
// functions of the common case, asking a running dockerd, are in the cache too. Written to dist/v8cache/KEY.bin, and dist/v8cache/index.json maps each file to the KEY of its exact
// text and this V8: a Node whose V8 differs, or a file rebuilt since, finds no cache and compiles as before.
// Usage: node scripts/code-cache.cjs DIST
'use strict';
const { spawn } = require('node:child_process');
const { createServer } = require('node:http');
const { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
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
  train().catch((e) => {
    console.error(`code-cache: ${e.message}`);
    process.exit(1);
  });
}

// A daemon as the Engine API answers: a Debian dockerd with a proxy.
const ANSWERS = {
  '/version': { Version: '26.1.5', ApiVersion: '1.45', GoVersion: 'go1.22.5', Os: 'linux', Arch: 'amd64' },
  '/info': {
    ServerVersion: '26.1.5',
    OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
    HttpProxy: 'http://proxy.corp.example:3128',
    HttpsProxy: 'http://proxy.corp.example:3128',
    NoProxy: 'localhost,127.0.0.1',
    Driver: 'overlay2',
    DockerRootDir: '/var/lib/docker',
    Name: 'build-host',
  },
};

async function train() {
  // An empty machine but for a docker CLI on PATH (never run: the daemon is asked directly); the output is not
  // wanted.
  const root = mkdtempSync(join(tmpdir(), 'buildproxy-code-cache-'));
  const server = createServer((req, res) => {
    const body = ANSWERS[(req.url ?? '').replace(/^\/v[\d.]+/, '')];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json', 'Api-Version': '1.45' });
    res.end(body ? JSON.stringify(body) : '{"message":"page not found"}');
  });
  try {
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin', 'docker'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(root, 'bin', 'docker'), 0o755);
    const sock = join(root, 'docker.sock');
    await new Promise((r) => server.listen(sock, r));
    const status = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [__filename, dir, '--train', 'doctor', '--json', '--root', root],
        {
          env: {
            PATH: join(root, 'bin'),
            HOME: root,
            DOCKER_HOST: `unix://${sock}`,
            HTTPS_PROXY: 'http://proxy.corp.example:3128',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      child.on('close', (code, signal) => resolve(code ?? signal));
    });
    // exit 0 or 1 (findings); anything else is a broken build
    if (status !== 0 && status !== 1) throw new Error(`the training run of doctor failed (exit ${status})`);
    const index = JSON.parse(readFileSync(join(dir, 'v8cache', 'index.json'), 'utf8'));
    console.log(`code-cache: ${Object.keys(index).join(', ')} (V8 ${process.versions.v8})`);
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
