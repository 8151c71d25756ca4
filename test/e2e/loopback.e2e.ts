// A proxy on 127.0.0.1 for RUN steps, on real dockerd + squid: the docker-cli-config plan never writes 127.0.0.1
// into config.json. With a squid that listens on loopback only, the plan writes the bridge address and says
// the proxy must also listen on the bridge gateway, for the bridge subnet only (the build fails until it does);
// after that rebind the same build goes through that squid. The infra squid (127.0.0.1 and the bridge address) needs no rebind.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  buildproxy,
  configRoot,
  context,
  type Daemon,
  E2E,
  GW,
  HOME,
  PROXY,
  releaseLiveProc,
  sleep,
  squidLogged,
  startDockerd,
  stopDockerd,
  withLiveProc,
} from './harness.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
const PORT2 = 3129;
const S2 = join(E2E, 'squid2');
const env = (p: string) => ({
  HTTP_PROXY: p,
  HTTPS_PROXY: p,
  http_proxy: p,
  https_proxy: p,
  NO_PROXY: 'localhost',
});
const runStep = (nonce: string) =>
  `FROM registry.test:5000/base:latest\nRUN timeout 5 wget -qO- http://web.test:8080/run-${nonce} || (echo WGET-FAILED; exit 1)\n`;

let squid2: ChildProcess | null = null;
let daemon: Daemon | null = null;

/** A second squid on PORT2, bound to each of `listen` ("127.0.0.1:3129", "172.31.250.1:3129"). */
async function startSquid2(...listen: string[]): Promise<void> {
  await stopSquid2();
  mkdirSync(S2, { recursive: true });
  chmodSync(S2, 0o777);
  writeFileSync(
    join(S2, 'squid.conf'),
    [
      ...listen.map((l) => `http_port ${l}`),
      `pid_filename ${S2}/squid.pid`,
      `access_log stdio:${S2}/access.log squid`,
      `cache_log ${S2}/cache.log`,
      'cache_store_log none',
      'cache deny all',
      'cache_mem 8 MB',
      'shutdown_lifetime 1 seconds',
      'pinger_enable off',
      'hosts_file /etc/hosts',
      'dns_nameservers 127.0.0.1',
      'acl e2e src 127.0.0.0/8 172.31.0.0/16',
      'http_access allow e2e',
      'http_access deny all',
      '',
    ].join('\n'),
  );
  for (const f of ['access.log', 'cache.log']) writeFileSync(join(S2, f), '');
  execFileSync('chown', ['proxy', join(S2, 'access.log'), join(S2, 'cache.log')]);
  squid2 = spawn('squid', ['-N', '-f', join(S2, 'squid.conf')], { stdio: 'ignore' });
  // infra.sh down stops it too if this suite dies first
  writeFileSync(join(E2E, 'run', 'squid2.pid'), String(squid2.pid));
  for (let i = 0; i < 200; i++) {
    const up = spawnSync('curl', [
      '-fsS',
      '-o',
      '/dev/null',
      '-x',
      `http://127.0.0.1:${PORT2}`,
      'http://registry.test:5000/v2/',
    ]);
    if (up.status === 0) return;
    await sleep(50);
  }
  throw new Error(`squid2 did not come up: ${readFileSync(join(S2, 'cache.log'), 'utf8')}`);
}

async function stopSquid2(): Promise<void> {
  if (!squid2 || squid2.exitCode !== null) return;
  const gone = new Promise((r) => squid2!.on('close', r));
  squid2.kill('SIGTERM');
  await Promise.race([gone, sleep(8_000)]);
  if (squid2.exitCode === null) squid2.kill('SIGKILL');
}

/**
 * plan --target docker-cli-config for a proxy on this host, applied into root; returns the plan's change. What it
 * writes depends on what listens on this host (loopback only, or the bridge gateway too) and on the bridge's
 * address: both from /proc/net, and dockerd's --bridge from its command line. The tree holds only the config.json
 * the plan writes (never this host's /home/alice), so it gets the live /proc: --root reads only DIR/proc.
 */
function planCliConfig(root: string, d: Daemon, proxy: string) {
  const json = buildproxy(
    ['plan', '--root', root, '--target', 'docker-cli-config', '--proxy', proxy, '--json'],
    { daemon: d, env: env(proxy) },
  );
  expect(json.code, json.stderr).toBe(0);
  const change = JSON.parse(json.stdout).changes.find((c: { path: string }) =>
    c.path.endsWith('/.docker/config.json'),
  );
  const file = join(root, 'plan.json');
  expect(
    buildproxy(['plan', '--root', root, '--target', 'docker-cli-config', '--proxy', proxy, '-o', file], {
      daemon: d,
      env: env(proxy),
    }).code,
  ).toBe(0);
  const a = buildproxy(['apply', file, '--root', root, '--yes'], { daemon: d });
  expect(a.code, a.stdout + a.stderr).toBe(0);
  return { change, config: JSON.parse(readFileSync(join(root, HOME, '.docker/config.json'), 'utf8')) };
}

beforeAll(() => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 120_000);
afterAll(async () => {
  await stopSquid2();
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 60_000);
afterEach(async () => {
  releaseLiveProc();
  if (daemon) await stopDockerd(daemon);
  daemon = null;
});

describe('a proxy on 127.0.0.1 for RUN steps (real dockerd 20.10, two squids)', () => {
  it('10a. squid on loopback only: bridge address + rebind advice; the build works once squid also listens on the gateway', async () => {
    await startSquid2(`127.0.0.1:${PORT2}`);
    daemon = await startDockerd(env(PROXY));
    const root = withLiveProc(configRoot());
    const local = `http://127.0.0.1:${PORT2}`;
    const { change, config } = planCliConfig(root, daemon, local);
    expect(config.proxies.default.httpProxy).toBe(`http://${GW}:${PORT2}`);
    expect(config.proxies.default.httpsProxy).toBe(`http://${GW}:${PORT2}`);
    expect(change.why).toMatch(new RegExp(`listens on 127\\.0\\.0\\.1:${PORT2} only`));
    // the advice names this machine's gateway, never every interface (an open relay)
    expect(change.why).toContain(`squid: "http_port ${GW}:${PORT2}"`);
    expect(change.why).not.toMatch(/0\.0\.0\.0|all interfaces/);
    const dockerConfig = join(root, HOME, '.docker');
    const broken = build(daemon, context(runStep('loop2')), ['--add-host', `web.test:${GW}`], {
      DOCKER_CONFIG: dockerConfig,
    });
    expect(broken.code).not.toBe(0);
    // the rebind the plan asked for: loopback and the bridge gateway (its acl already admits only 172.31.0.0/16)
    await startSquid2(`127.0.0.1:${PORT2}`, `${GW}:${PORT2}`);
    const ok = build(daemon, context(runStep('rebound')), ['--add-host', `web.test:${GW}`], {
      DOCKER_CONFIG: dockerConfig,
    });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(readFileSync(join(S2, 'access.log'), 'utf8')).toMatch(/GET http:\/\/web\.test:8080\/run-rebound/);
  });

  it('10b. squid on 127.0.0.1 and the bridge: the bridge address, no rebind advice, RUN goes through it', async () => {
    daemon = await startDockerd(env(PROXY));
    const root = withLiveProc(configRoot());
    const { change, config } = planCliConfig(root, daemon, 'http://127.0.0.1:3128');
    expect(config.proxies.default.httpsProxy).toBe(`http://${GW}:3128`);
    expect(change.why).not.toMatch(/only/);
    const ok = build(daemon, context(runStep('infra')), ['--add-host', `web.test:${GW}`], {
      DOCKER_CONFIG: join(root, HOME, '.docker'),
    });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/GET http:\/\/web\.test:8080\/run-infra/)).not.toBeNull();
  });
});
