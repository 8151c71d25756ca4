// Podman and Buildah on the e2e network: a squid with one port per proxy source, so its access log says which
// configuration each request came from (port=) and from where (the host process or a RUN container).
// Debian 12's podman 4.3.1 and buildah 1.28.2; no systemd here, so every containers.conf sets cgroupfs + file events.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, GW, sleep } from './harness.js';

/** One squid port per proxy source: which configuration a request used is its port in squid's log. */
export const PORTS = { shell: 3131, engineEnv: 3132, service: 3133 } as const;
export type Source = keyof typeof PORTS;
export const proxyUrl = (s: Source) => `http://${GW}:${PORTS[s]}`;
/** Every proxy variable in both cases (busybox wget in RUN reads only the lower-case ones). */
export const proxyVars = (s: Source): Record<string, string> => {
  const u = proxyUrl(s);
  return { http_proxy: u, https_proxy: u, HTTP_PROXY: u, HTTPS_PROXY: u };
};

const S = join(E2E, 'squid-podman');
const LOG = join(S, 'access.log');
export const ROOTLESS_USER = 'bppodman';
let squid: ChildProcess | null = null;

export async function startActorSquid(): Promise<void> {
  mkdirSync(S, { recursive: true });
  chmodSync(S, 0o777);
  const ports = Object.values(PORTS).map((p) => `http_port ${GW}:${p}`);
  writeFileSync(
    join(S, 'squid.conf'),
    [
      ...ports,
      `pid_filename ${S}/squid.pid`,
      // %>a: who asked (the host process or a container); %>lp: which proxy port, i.e. which configuration
      'logformat actor %>a port=%>lp %rm %ru %>Hs',
      `access_log stdio:${LOG} actor`,
      `cache_log ${S}/cache.log`,
      'cache_store_log none',
      'cache deny all',
      'cache_mem 8 MB',
      'shutdown_lifetime 1 seconds',
      'pinger_enable off',
      'read_timeout 2 seconds',
      'client_idle_pconn_timeout 2 seconds',
      'server_idle_pconn_timeout 2 seconds',
      'hosts_file /etc/hosts',
      'dns_nameservers 127.0.0.1',
      'acl e2e src 127.0.0.0/8 172.16.0.0/12 10.0.0.0/8',
      'http_access allow e2e',
      'http_access deny all',
      'via on',
      '',
    ].join('\n'),
  );
  for (const f of ['access.log', 'cache.log']) writeFileSync(join(S, f), '');
  execFileSync('chown', ['proxy', LOG, join(S, 'cache.log')]);
  squid = spawn('squid', ['-N', '-f', join(S, 'squid.conf')], { stdio: 'ignore' });
  writeFileSync(join(E2E, 'run', 'squid-podman.pid'), String(squid.pid)); // infra.sh down stops it too
  for (let i = 0; i < 200; i++) {
    const up = spawnSync('curl', [
      '-fsS',
      '-o',
      '/dev/null',
      '-x',
      proxyUrl('service'),
      'http://registry.test:5000/v2/',
    ]);
    if (up.status === 0) return writeFileSync(LOG, '');
    await sleep(50);
  }
  throw new Error(`squid for podman did not come up: ${readFileSync(join(S, 'cache.log'), 'utf8')}`);
}

export async function stopActorSquid(): Promise<void> {
  if (squid && squid.exitCode === null) {
    squid.kill('SIGTERM');
    await sleep(1500);
    if (squid.exitCode === null) squid.kill('SIGKILL');
  }
  squid = null;
}

export interface Hit {
  client: string;
  port: number;
  method: string;
  url: string;
  /** the host's own process (pull) or a container (RUN); containers are on podman's 10.88/16 network */
  from: 'host' | 'container';
}

/** squid's log after every tunnel closed (CONNECT lines appear when a tunnel ends), then cleared. */
export async function takeHits(): Promise<Hit[]> {
  for (let i = 0; i < 60; i++) {
    const open = execFileSync(
      'ss',
      [
        '-Htn',
        'state',
        'established',
        `( dport = :${PORTS.shell} or dport = :${PORTS.engineEnv} or dport = :${PORTS.service} )`,
      ],
      { encoding: 'utf8' },
    );
    if (open.trim() === '') break;
    await sleep(200);
  }
  await sleep(300);
  const hits = readFileSync(LOG, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [client = '', port = '', method = '', url = ''] = l.split(' ');
      return {
        client,
        port: Number(port.replace('port=', '')),
        method,
        url,
        from: client.startsWith('10.') ? ('container' as const) : ('host' as const),
      };
    });
  writeFileSync(LOG, '');
  return hits;
}

/** Which sources the registry pulls went through, and which the RUN step's request did. */
export function who(hits: Hit[], nonce: string): { pull: Source[]; run: Source[]; runFrom: Hit['from'][] } {
  const source = (p: number) => (Object.keys(PORTS) as Source[]).find((k) => PORTS[k] === p)!;
  const uniq = <T>(xs: T[]) => [...new Set(xs)].sort();
  const pulls = hits.filter((h) => h.url.includes('registry.test:5000'));
  const runs = hits.filter((h) => h.url.includes(`/run-${nonce}`));
  return {
    pull: uniq(pulls.map((h) => source(h.port))),
    run: uniq(runs.map((h) => source(h.port))),
    runFrom: uniq(runs.map((h) => h.from)),
  };
}

/** A scenario's own podman world: registries.conf, storage and containers.conf under E2E, nothing in /etc. */
export interface World {
  dir: string;
  env: Record<string, string>;
  context: string;
}

/** containers.conf this machine needs (no systemd) plus the scenario's lines. */
export function containersConf(extra: { containers?: string[]; engine?: string[] }): string {
  return [
    '[containers]',
    ...(extra.containers ?? []),
    '[engine]',
    'cgroup_manager = "cgroupfs"',
    'events_logger = "file"',
    ...(extra.engine ?? []),
    '',
  ].join('\n');
}

export const RUN_STEP = (nonce: string) =>
  [
    'FROM registry.test:5000/base:latest',
    `RUN echo "RUNENV $(env | grep -iE '^(https?|no)_proxy=|^FROM_CONF' | sort | tr '\\n' ' ')"; ` +
      `timeout 5 wget -qO- http://web.test:8080/run-${nonce} || echo WGET-FAILED`,
    '',
  ].join('\n');

export function world(nonce: string, conf: string, owner?: number, dockerfile = RUN_STEP(nonce)): World {
  const dir = mkdtempSync(join(E2E, 'podman-'));
  chmodSync(dir, 0o755);
  writeFileSync(
    join(dir, 'registries.conf'),
    '[[registry]]\nlocation = "registry.test:5000"\ninsecure = true\n',
  );
  writeFileSync(join(dir, 'containers.conf'), conf);
  mkdirSync(join(dir, 'ctx'));
  writeFileSync(join(dir, 'ctx', 'Dockerfile'), dockerfile);
  writeFileSync(
    join(dir, 'storage.conf'),
    // rootless podman reads rootless_storage_path, not graphroot
    `[storage]\ndriver = "overlay"\ngraphroot = "${dir}/storage"\nrunroot = "${dir}/run"\n` +
      `rootless_storage_path = "${dir}/storage"\n`,
  );
  if (owner !== undefined)
    for (const f of ['', 'ctx', 'ctx/Dockerfile']) chownSync(join(dir, f), owner, owner);
  return {
    dir,
    context: join(dir, 'ctx'),
    env: {
      PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: '/root',
      CONTAINERS_REGISTRIES_CONF: join(dir, 'registries.conf'),
      CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf'),
      CONTAINERS_CONF: join(dir, 'containers.conf'),
    },
  };
}

export interface Out {
  code: number | null;
  text: string;
  runEnv: string;
}

export function run(argv: string[], env: Record<string, string>, asUser?: string): Out {
  const [cmd, args] = asUser
    ? [
        'setpriv',
        [
          '--reuid',
          asUser,
          '--regid',
          asUser,
          '--init-groups',
          'env',
          '-i',
          ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
          ...argv,
        ],
      ]
    : [argv[0]!, argv.slice(1)];
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 150_000, env: asUser ? {} : env });
  const text = `${r.stdout}${r.stderr}`;
  return { code: r.status, text, runEnv: /^RUNENV (.*)$/m.exec(text)?.[1]?.trim() ?? '' };
}

/** Remove a world: its overlay mounts first (storage under it), then the files. */
export function dropWorld(w: World): void {
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n').reverse()) {
    const mnt = line.split(' ')[1];
    if (mnt?.startsWith(`${w.dir}/`)) spawnSync('umount', ['-l', mnt]);
  }
  rmSync(w.dir, { recursive: true, force: true });
}
