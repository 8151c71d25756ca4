// The e2e harness: real dockerd 20.10 per scenario (own data root, own socket), the real built CLI, real builds,
// and squid's access log as the proof of which actor went through the proxy.

import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const E2E = process.env.E2E ?? '/tmp/buildproxy-e2e';
export const GW = '172.31.250.1';
export const PROXY = `http://${GW}:3128`;
export const BRIDGE = process.env.E2E_BRIDGE ?? 'bpe2e0';
export const CLI = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'packages',
  'tui',
  'dist',
  'cli.cjs',
);
export const HOME = '/home/alice';
const DOCKER = '/usr/bin/docker'; // Debian's 20.10 CLI drives dockerd's embedded BuildKit without buildx
const SQUID_LOG = join(E2E, 'squid', 'access.log');
const WEB_LOG = join(E2E, 'web', 'access.log');

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Copy an image from an OCI layout into the test registry as squid's user (the only one the firewall lets reach it). */
export function seedImage(oci: string, ref: string): void {
  execFileSync(
    'setpriv',
    [
      '--reuid=proxy',
      '--regid=proxy',
      '--init-groups',
      'skopeo',
      'copy',
      '-q',
      // No credentials: else skopeo reads /run/containers/UID/auth.json, and once podman (as root) has made
      // /run/containers 0700, squid's user gets "permission denied" there instead of "no such file".
      '--dest-no-creds',
      '--dest-tls-verify=false',
      `oci:${oci}`,
      `docker://${ref}`,
    ],
    { env: { PATH: '/usr/bin:/bin', HOME: '/tmp', TMPDIR: '/tmp' } },
  );
}

export interface Daemon {
  name: string;
  dir: string;
  sock: string;
  pid: number;
  proc: ChildProcess;
  exited: Promise<number | null>;
  log(): string;
}

/** Flags for a test dockerd: own data, socket and bridge; no host networking changes; the test registries. */
export function dockerdArgs(dir: string, sock: string): string[] {
  return [
    '--data-root',
    join(dir, 'data'),
    '--exec-root',
    join(dir, 'exec'),
    '--pidfile',
    join(dir, 'dockerd.pid'),
    '--host',
    `unix://${sock}`,
    '--bridge',
    BRIDGE,
    '--iptables=false',
    '--ip6tables=false',
    '--ip-forward=false',
    '--ip-masq=false',
    '--storage-driver=overlay2',
    '--insecure-registry',
    'http://registry.test:5000',
    '--insecure-registry',
    'http://internal.test:5000',
    // Containers get a resolver inside our namespace, never Docker's public fallback.
    '--dns',
    GW,
  ];
}

let counter = 0;

/** Start dockerd with exactly this environment (what systemd would give it from the drop-ins). */
export async function startDockerd(
  env: Record<string, string>,
  opts: { configFile?: string; expectExit?: boolean } = {},
): Promise<Daemon> {
  const name = `d${process.pid}-${counter++}`;
  const dir = join(E2E, 'dockerd', name);
  mkdirSync(dir, { recursive: true });
  const sock = join(dir, 'docker.sock');
  const logFile = join(dir, 'dockerd.log');
  const args = [...dockerdArgs(dir, sock), ...(opts.configFile ? ['--config-file', opts.configFile] : [])];
  const out = spawn('/usr/sbin/dockerd', args, {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  out.stdout?.on('data', (d) => {
    text += d;
  });
  out.stderr?.on('data', (d) => {
    text += d;
  });
  const exited = new Promise<number | null>((r) => out.on('close', (c) => r(c)));
  writeFileSync(join(E2E, 'run', `dockerd-${name}.pid`), String(out.pid));
  const d: Daemon = {
    name,
    dir,
    sock,
    pid: out.pid!,
    proc: out,
    exited,
    log: () => (writeFileSync(logFile, text), text),
  };
  if (opts.expectExit) {
    await Promise.race([exited, sleep(15_000)]);
    return d;
  }
  for (let i = 0; i < 200; i++) {
    if (
      spawnSync(DOCKER, ['-H', `unix://${sock}`, 'version'], { stdio: 'ignore', timeout: 2000 }).status === 0
    )
      return d;
    if (out.exitCode !== null) throw new Error(`dockerd exited: ${text}`);
    await sleep(50);
  }
  throw new Error(`dockerd did not come up: ${text}`);
}

export async function stopDockerd(d: Daemon): Promise<void> {
  if (d.proc.exitCode === null) {
    d.proc.kill('SIGTERM');
    await Promise.race([d.exited, sleep(10_000)]);
    if (d.proc.exitCode === null) d.proc.kill('SIGKILL');
  }
  // dockerd leaves its netns bind mount behind.
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const mnt = line.split(' ')[1];
    if (d.dir.length > 1 && mnt?.startsWith(`${d.dir}/`)) spawnSync('umount', [mnt]);
  }
}

/** A scenario's config root: the machine's files live under it, as buildproxy --root sees them. */
export function configRoot(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(E2E, 'root-'));
  mkdirSync(join(root, HOME.slice(1)), { recursive: true });
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(root, dirname(p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
  return root;
}

const liveProcTrees = new Set<string>();

/**
 * Give a --root tree this host's live /proc, as DIR/proc: --root reads processes, their environment and sockets,
 * and the listening ports only from DIR/proc (never the host's), and these scenarios stage a machine's files in
 * the tree while its daemons run here. A bind mount, made only inside netns.sh's private mount namespace (it
 * never reaches the host's mount table); releaseLiveProc unmounts it in teardown (infra.sh down unmounts anything
 * left under $E2E). Call it after any recursive chown of the tree.
 */
export function withLiveProc(root: string): string {
  if (readlinkSync('/proc/self/ns/mnt') !== process.env.BUILDPROXY_E2E_MNTNS)
    throw new Error(
      'withLiveProc: not in the private mount namespace netns.sh makes; run the suite through it',
    );
  mkdirSync(join(root, 'proc'), { recursive: true });
  execFileSync('mount', ['--bind', '/proc', join(root, 'proc')]);
  liveProcTrees.add(root);
  return root;
}

/** Unmount every withLiveProc bind mount, before anything may remove the trees. */
export function releaseLiveProc(): void {
  for (const root of liveProcTrees) execFileSync('umount', [join(root, 'proc')]);
  liveProcTrees.clear();
}

export function readRootFiles(root: string, dir: string): Record<string, string> {
  const abs = join(root, dir);
  if (!existsSync(abs)) return {};
  return Object.fromEntries(readdirSync(abs).map((n) => [`${dir}/${n}`, readFileSync(join(abs, n), 'utf8')]));
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real built CLI, looking at this daemon, with the scenario's files under --root. */
export function buildproxy(
  args: string[],
  opts: { daemon?: Daemon; env?: Record<string, string>; timeoutMs?: number } = {},
): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    env: {
      PATH: '/usr/bin:/bin:/usr/sbin:/sbin',
      HOME,
      ...(opts.daemon ? { DOCKER_HOST: `unix://${opts.daemon.sock}` } : {}),
      ...opts.env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The doctor the default way (Engine API, buildx only when needed) and with --probes commands (every docker
 * command run): on a real daemon both must give the same report. Returns the default run.
 */
export function doctorBothWays(
  args: string[],
  opts: { daemon?: Daemon; env?: Record<string, string> } = {},
): Run {
  const auto = buildproxy(['doctor', '--json', ...args], opts);
  const commands = buildproxy(['doctor', '--json', '--probes', 'commands', ...args], opts);
  const report = (r: Run) => {
    // buildx ls asks BuildKit its exact version; without it the docker driver's comes from the Engine release.
    return JSON.parse(r.stdout.replace(/BuildKit (\d+\.\d+)\.\d+/g, 'BuildKit $1.x'));
  };
  if (JSON.stringify(report(auto)) !== JSON.stringify(report(commands)))
    throw new Error(`--probes auto and --probes commands disagree:\n${auto.stdout}\n---\n${commands.stdout}`);
  expect(auto.code).toBe(commands.code);
  return auto;
}

export function rules(run: Run): string[] {
  return JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule);
}

/** A real BuildKit build with Debian's docker CLI (20.10) against this daemon. */
export function build(
  d: Daemon,
  context: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Run {
  const r = spawnSync(
    DOCKER,
    ['-H', `unix://${d.sock}`, 'build', '--progress=plain', '--no-cache', ...args, context],
    {
      encoding: 'utf8',
      timeout: 120_000,
      env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', DOCKER_BUILDKIT: '1', ...env },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function context(dockerfile: string): string {
  const dir = mkdtempSync(join(E2E, 'ctx-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

/** Wait until no connection to squid is open, so every tunnel has been logged, then clear the logs. */
export async function resetLogs(): Promise<void> {
  await quiesce();
  writeFileSync(SQUID_LOG, '');
  writeFileSync(WEB_LOG, '');
}

async function quiesce(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const out = execFileSync('ss', ['-Htn', 'state', 'established', '( dport = :3128 )'], {
      encoding: 'utf8',
    });
    if (out.trim() === '') return;
    await sleep(200);
  }
}

/** Poll squid's log for a line (CONNECT lines appear when the tunnel closes, ~2-3 s later). */
export async function squidLogged(pattern: RegExp, timeoutMs = 12_000): Promise<string | null> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const line = readFileSync(SQUID_LOG, 'utf8')
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return line;
    await sleep(200);
  }
  return null;
}

export async function squidLog(): Promise<string> {
  await quiesce();
  return readFileSync(SQUID_LOG, 'utf8');
}

export function webLog(): string {
  return readFileSync(WEB_LOG, 'utf8');
}
