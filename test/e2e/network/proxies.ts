// Proxies for the network scenarios, each a real process in the e2e namespace: squid configured per scenario
// (basic auth, a CONNECT deny list, NTLM, ssl_bump with its own CA from squid-openssl), and cntlm. Each records
// its PID where infra.sh down finds it, so a crashed suite leaves nothing running.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, GW, sleep } from '../harness.js';

export const CACHE = process.env.E2E_CACHE ?? '/var/cache/buildproxy-e2e';
/** squid-openssl, extracted beside plain squid by prepare.sh (the two packages conflict) */
export const SQUID_OPENSSL = join(CACHE, 'squid-openssl');

export interface Proc {
  name: string;
  dir: string;
  port: number;
  proc: ChildProcess;
  log(): string;
}

const running: Proc[] = [];

function common(dir: string): string[] {
  return [
    `pid_filename ${dir}/squid.pid`,
    `access_log stdio:${dir}/access.log squid`,
    `cache_log ${dir}/cache.log`,
    'cache_store_log none',
    'cache deny all',
    'cache_mem 8 MB',
    'logfile_rotate 0',
    'shutdown_lifetime 1 seconds',
    'pinger_enable off',
    // squid logs a transaction when it ends: close idle tunnels fast so the lines appear within seconds
    'read_timeout 2 seconds',
    'client_idle_pconn_timeout 2 seconds',
    'server_idle_pconn_timeout 2 seconds',
    'hosts_file /etc/hosts',
    'dns_nameservers 127.0.0.1',
    'acl e2e src 127.0.0.0/8 172.31.0.0/16',
  ];
}

/**
 * A squid on 127.0.0.1:PORT and GW:PORT (or the `ports` lines given), with `access` lines before the final
 * "http_access deny all". `binary` is squid-openssl's for ssl_bump.
 */
export async function startSquid(
  name: string,
  port: number,
  access: string[],
  opts: { ports?: string[]; binary?: string; extra?: string[] } = {},
): Promise<Proc> {
  const dir = join(E2E, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  const ports = opts.ports ?? [`http_port 127.0.0.1:${port}`, `http_port ${GW}:${port}`];
  const conf = [...ports, ...common(dir), ...(opts.extra ?? []), ...access, 'http_access deny all', ''];
  writeFileSync(join(dir, 'squid.conf'), conf.join('\n'));
  for (const f of ['access.log', 'cache.log']) writeFileSync(join(dir, f), '');
  execFileSync('chown', ['proxy', join(dir, 'access.log'), join(dir, 'cache.log')]);
  const proc = spawn(opts.binary ?? 'squid', ['-N', '-f', join(dir, 'squid.conf')], { stdio: 'ignore' });
  writeFileSync(join(E2E, 'run', `${name}.pid`), String(proc.pid));
  const p: Proc = { name, dir, port, proc, log: () => readFileSync(join(dir, 'access.log'), 'utf8') };
  running.push(p);
  await listening(port, () => readFileSync(join(dir, 'cache.log'), 'utf8'));
  return p;
}

/** Wait until something accepts on 127.0.0.1:port (squid parses its config before it listens). */
export async function listening(port: number, why: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = spawnSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`], { timeout: 2000 });
    if (r.status === 0) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}: ${why()}`);
}

export async function stop(p: Proc): Promise<void> {
  const i = running.indexOf(p);
  if (i >= 0) running.splice(i, 1);
  if (p.proc.exitCode !== null || p.proc.signalCode !== null) return;
  const gone = new Promise((r) => p.proc.on('close', r));
  p.proc.kill('SIGTERM');
  await Promise.race([gone, sleep(8_000)]);
  if (p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGKILL');
  rmSync(join(E2E, 'run', `${p.name}.pid`), { force: true });
}

export async function stopAll(): Promise<void> {
  for (const p of [...running]) await stop(p);
}

/** Poll a proxy's access log for a line (CONNECT lines appear when the tunnel closes). */
export async function logged(p: Proc, pattern: RegExp, timeoutMs = 12_000): Promise<string | null> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const line = p
      .log()
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return line;
    await sleep(200);
  }
  return null;
}

/** The manifest digest of an image in a test registry, asked through the infra squid (the firewall's way out). */
export function digestOf(url: string, opts: { cacert?: string } = {}): string {
  const out = execFileSync(
    'curl',
    [
      '-sSI',
      '-x',
      'http://127.0.0.1:3128',
      ...(opts.cacert ? ['--cacert', opts.cacert] : []),
      '-H',
      'Accept: application/vnd.docker.distribution.manifest.v2+json',
      url,
    ],
    { encoding: 'utf8' },
  );
  const m = /^docker-content-digest:\s*(sha256:[a-f0-9]{64})/im.exec(out);
  if (!m) throw new Error(`no digest for ${url}: ${out}`);
  return m[1]!;
}

/** curl through a proxy: the HTTP status the proxy gives (407, 403, 200). */
export function statusVia(proxy: string, url: string, extra: string[] = []): string {
  const r = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-x', proxy, ...extra, url], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return r.stdout.trim();
}

export { existsSync };
