// Test helpers: a throw-away machine in a temp dir — fake executables on PATH, a file tree for --root,
// fake /proc entries — and the real built CLI run against it.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandResult, dockerConfigDir, type Evidence, shQuote } from '@buildproxy/core';
import { afterAll } from 'vitest';

export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');

export interface Machine {
  dir: string;
  bin: string;
  root: string;
  home: string;
  /** environment the CLI runs with on this machine (DOCKER_HOST of its fake daemon) */
  env?: Record<string, string>;
}

// Every machine is removed when its test file ends: a full run used to leave ~100 of them (44 MB) in /tmp.
// (Each test file loads this module afresh, so the hook belongs to the file that made the machines.)
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function makeMachine(): Machine {
  const dir = mkdtempSync(join(tmpdir(), 'buildproxy-test-'));
  made.push(dir);
  const m = { dir, bin: join(dir, 'bin'), root: join(dir, 'root'), home: '/home/alice' };
  mkdirSync(m.bin);
  mkdirSync(join(m.root, 'home/alice'), { recursive: true });
  mkdirSync(join(m.root, 'proc')); // no daemons unless a test adds them
  return m;
}

/** A fake executable answering exact argument lists; anything else exits 1 with "unknown command". */
export function fakeBin(
  m: Machine,
  name: string,
  cases: { args: string[]; stdout?: string; stderr?: string; code?: number; sleep?: boolean }[],
): void {
  const lines = ['#!/bin/sh', 'args="$*"', 'case "$args" in'];
  for (const c of cases) {
    lines.push(`  ${shQuote(c.args.join(' '))})`);
    if (c.sleep) lines.push('    exec /bin/sleep 1000 ;;');
    else {
      if (c.stdout) lines.push(`    printf '%s' ${shQuote(c.stdout)}`);
      if (c.stderr) lines.push(`    printf '%s' ${shQuote(c.stderr)} >&2`);
      lines.push(`    exit ${c.code ?? 0} ;;`);
    }
  }
  lines.push(`  *) echo "${name}: unknown command: $args" >&2; exit 1 ;;`, 'esac', '');
  const path = join(m.bin, name);
  writeFileSync(path, lines.join('\n'));
  chmodSync(path, 0o755);
}

/** Turn a synthesised bundle into a machine: its commands become fake docker/systemctl, its files a tree. */
export function machineFrom(ev: Evidence, opts: { buildxPlugin?: boolean } = {}): Machine {
  const m = makeMachine();
  const byBin = new Map<string, CommandResult[]>();
  for (const c of ev.commands) {
    if (c.error === 'not-found') continue;
    const list = byBin.get(c.argv[0]!) ?? [];
    list.push(c);
    byBin.set(c.argv[0]!, list);
  }
  for (const [bin, cmds] of byBin) {
    fakeBin(
      m,
      bin,
      cmds.map((c) => ({ args: c.argv.slice(1), stdout: c.stdout, stderr: c.stderr, code: c.exitCode ?? 1 })),
    );
  }
  for (const [path, content] of Object.entries(ev.files)) {
    if (content === null) continue;
    mkdirSync(join(m.root, dirname(path)), { recursive: true });
    writeFileSync(join(m.root, path), content);
  }
  for (const p of ev.processes) {
    const d = join(m.root, 'proc', String(p.pid));
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'comm'), `${p.name}\n`);
    if (p.env)
      writeFileSync(
        join(d, 'environ'),
        Object.entries(p.env)
          .map(([k, v]) => `${k}=${v}\0`)
          .join(''),
      );
  }
  if (ev.dockerfile) writeFileSync(join(m.dir, 'Dockerfile'), ev.dockerfile.content);
  // A machine whose systemctl answered was booted with systemd, which is what /run/systemd/system says.
  if (ev.commands.some((c) => c.argv[0] === 'systemctl' && c.exitCode === 0))
    mkdirSync(join(m.root, 'run/systemd/system'), { recursive: true });
  if (opts.buildxPlugin) installBuildxPlugin(m, ev);
  serveEngineApi(m, ev);
  return m;
}

/**
 * A fake docker-buildx plugin answering the metadata request with the version the bundle's `docker buildx
 * version` printed, in a folder the root's config.json lists in cliPluginsExtraDirs (the CLI's own mechanism).
 * Opt-in: it rewrites config.json.
 */
function installBuildxPlugin(m: Machine, ev: Evidence): void {
  const v = ev.commands.find((c) => c.argv.join(' ') === 'docker buildx version');
  if (v?.exitCode !== 0) return;
  const path = join(m.root, dockerConfigDir({ home: ev.host.home, env: ev.env }), 'config.json');
  let cfg: Record<string, unknown> = {};
  try {
    cfg = JSON.parse(readFileSync(path, 'utf8') || '{}');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return; // a malformed config stays as the test made it
  }
  const plugins = join(m.dir, 'cli-plugins');
  mkdirSync(plugins, { recursive: true });
  fakeBin({ ...m, bin: plugins }, 'docker-buildx', [
    {
      args: ['docker-cli-plugin-metadata'],
      stdout: JSON.stringify({
        SchemaVersion: '0.1.0',
        Vendor: 'Docker Inc.',
        Version: v.stdout.split(/\s+/)[1],
      }),
    },
  ]);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ ...cfg, cliPluginsExtraDirs: [plugins] }, null, 2));
}

/**
 * A real HTTP server on a unix socket that answers the Engine API requests the doctor makes, with what the
 * bundle's `docker info` and `docker container inspect` printed. A daemon that was down gets no server: the
 * socket path stays absent, as on a machine where dockerd is not running.
 */
export function serveEngineApi(m: Machine, ev: Evidence): void {
  const sock = join(m.dir, 'docker.sock');
  m.env = { ...m.env, DOCKER_HOST: `unix://${sock}` };
  const info = ev.commands.find((c) => c.argv.join(' ') === 'docker info --format {{json .}}');
  if (info?.exitCode !== 0) return;
  const answers = new Map<string, string>([['/info', info.stdout]]);
  const version = ev.commands.find((c) => c.argv.join(' ') === 'docker version --format {{json .}}');
  // GET /version answers docker version's Server part (dockerd's version and the Go it was built with)
  if (version?.exitCode === 0)
    answers.set('/version', JSON.stringify((JSON.parse(version.stdout) as { Server: unknown }).Server));
  for (const c of ev.commands) {
    if (c.argv[1] === 'container' && c.argv[2] === 'inspect' && c.exitCode === 0) {
      const one = (JSON.parse(c.stdout) as unknown[])[0];
      answers.set(`/containers/${c.argv[3]}/json`, JSON.stringify(one));
    }
  }
  const server = createServer((req, res) => {
    const body = answers.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(body ?? JSON.stringify({ message: `No such container: ${req.url}` }));
  });
  server.listen(sock);
  server.unref();
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(
  args: string[],
  opts: {
    m?: Machine;
    env?: Record<string, string>;
    cwd?: string;
    timeoutMs?: number;
    /** run as this uid (its gid the same number): a real unprivileged account such as nobody (65534) */
    as?: number;
  } = {},
): Promise<RunResult> {
  const m = opts.m;
  const env: Record<string, string> = {
    PATH: m ? m.bin : '/nonexistent',
    HOME: m ? m.home : '/nonexistent-home',
    ...m?.env,
    ...opts.env,
  };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? m?.dir ?? tmpdir(),
      env,
      ...(opts.as === undefined ? {} : { uid: opts.as, gid: opts.as }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`buildproxy ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 60_000} ms`));
    }, opts.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - start });
    });
  });
}

export const isRoot = process.getuid?.() === 0;
/** the plain user root's write tests own homes as, and switch to */
export const NOBODY = 65534;

/** Who runs a write (apply, undo): root against a home nobody owns, or the plain user in its own home. */
export const WHO: [string, number | undefined, number][] = isRoot
  ? [
      ['as root, home owned by nobody', undefined, NOBODY],
      ['as the plain user nobody', NOBODY, NOBODY],
    ]
  : [
      [
        'as this plain user (not root: the root and nobody runs are skipped)',
        undefined,
        process.getuid?.() ?? 0,
      ],
    ];
