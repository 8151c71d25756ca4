// After the build: V8's code cache for the files a plain doctor loads (dist/doctor.cjs, dist/report.cjs), made by
// a training run of `doctor --json` through the CLI's own loader (src/code-cache.ts), with this Node: on an empty
// machine whose daemon (a stand-in HTTP server on a unix socket) answers /version and /info, so that the
// functions of the common case, asking a running dockerd, are in the cache too. Written to dist/v8cache/KEY.bin, and dist/v8cache/index.json maps each file to the KEY of its exact
// text and this V8: a Node whose V8 differs, or a file rebuilt since, finds no cache and compiles as before.
// Usage: node scripts/code-cache.cjs DIST
'use strict';
const { spawn } = require('node:child_process');
const { createServer } = require('node:http');
const {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
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
    // The wizard's file too (Ink and React, ~1 MB): at least loaded, so its modules' set-up code is in the cache
    // even where no terminal can be had for its own training run (trainWizard).
    loader('./wizard.cjs');
    const out = join(dir, 'v8cache');
    mkdirSync(out, { recursive: true });
    // the wizard's run in a terminal comes after doctor's: both add to one index
    let index = {};
    try {
      index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    } catch {}
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
    await trainWizard(root, sock);
    const index = JSON.parse(readFileSync(join(dir, 'v8cache', 'index.json'), 'utf8'));
    console.log(`code-cache: ${Object.keys(index).join(', ')} (V8 ${process.versions.v8})`);
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const shq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

// The wizard's training run: its first frames drawn in a terminal (util-linux `script` makes one), against the same
// stand-in daemon, then `q` once the screen has been still for half a second. The first frame is the start-up a
// person waits for (BENCHMARKS.md's wizard row). Without `script`, or if the run fails, the wizard keeps the cache
// of its loading alone; the build does not fail for it.
async function trainWizard(root, sock) {
  const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
  if (!script)
    return console.log('code-cache: no util-linux script here; the wizard is cached as loaded only');
  const cmd = `${shq(process.execPath)} ${shq(__filename)} ${shq(dir)} --train --root ${shq(root)}`;
  const status = await new Promise((resolve) => {
    const child = spawn(script, ['-qec', cmd, '/dev/null'], {
      env: {
        PATH: join(root, 'bin'),
        HOME: root,
        DOCKER_HOST: `unix://${sock}`,
        HTTPS_PROXY: 'http://proxy.corp.example:3128',
        TERM: 'xterm-256color',
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let still;
    const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', () => {
      clearTimeout(still);
      still = setTimeout(() => child.stdin.write('q'), 500);
    });
    child.stdin.on('error', () => {});
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      clearTimeout(still);
      resolve(code ?? signal);
    });
  });
  // q is "Cancelled — nothing written", exit 130
  if (status !== 130)
    console.log(`code-cache: the wizard's training run ended with ${status}; cached as loaded`);
}
