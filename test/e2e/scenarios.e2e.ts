// End to end on real daemons: reproduce each failure, diagnose it, fix it with plan + apply, and prove the fix
// with a real build whose requests appear in squid's access log. There is no systemd here (PID 1 is not
// systemd), so each scenario starts dockerd with the environment the generated drop-in declares — parsed by
// buildproxy's own systemd parser — which is what `systemctl daemon-reload && systemctl restart docker` does.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropInEnvironment } from '@buildproxy/core/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  buildproxy,
  configRoot,
  context,
  type Daemon,
  doctorBothWays,
  E2E,
  GW,
  HOME,
  PROXY,
  readRootFiles,
  releaseLiveProc,
  resetLogs,
  rules,
  squidLog,
  squidLogged,
  startDockerd,
  stopDockerd,
  webLog,
  withLiveProc,
} from './harness.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
const DROP_IN_DIR = '/etc/systemd/system/docker.service.d';
const SHELL = { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY, NO_PROXY: 'localhost,127.0.0.1' };
const FROM = 'FROM registry.test:5000/base:latest\nRUN echo built\n';
const runStep = (nonce: string) =>
  `FROM registry.test:5000/base:latest\nRUN timeout 5 wget -qO- http://web.test:8080/run-${nonce} || (echo WGET-FAILED; exit 1)\n`;
const proxyEnv = (proxy = PROXY, no = 'localhost,127.0.0.1') => ({
  HTTP_PROXY: proxy,
  HTTPS_PROXY: proxy,
  NO_PROXY: no,
  http_proxy: proxy,
  https_proxy: proxy,
  no_proxy: no,
});
const dropIn = (env: Record<string, string>) =>
  `[Service]\n${Object.entries(env)
    .map(([k, v]) => `Environment="${k}=${v}"`)
    .join('\n')}\n`;

let daemons: Daemon[] = [];
async function daemon(
  env: Record<string, string>,
  opts: Parameters<typeof startDockerd>[1] = {},
): Promise<Daemon> {
  const d = await startDockerd(env, opts);
  daemons.push(d);
  return d;
}

/** plan + apply into the scenario's root, then the environment systemd would now give dockerd. */
function fix(root: string, d: Daemon | undefined, args: string[]): Record<string, string> {
  const plan = join(root, 'plan.json');
  const p = buildproxy(['plan', '--root', root, '-o', plan, ...args], { daemon: d, env: SHELL });
  expect(p.code, p.stderr).toBe(0);
  const a = buildproxy(['apply', plan, '--root', root, '--yes'], { daemon: d });
  expect(a.code, a.stdout + a.stderr).toBe(0);
  return dropInEnvironment(readRootFiles(root, DROP_IN_DIR), HOME);
}

beforeAll(() => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 120_000);
afterAll(() => {
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 60_000);
afterEach(async () => {
  releaseLiveProc();
  for (const d of daemons) await stopDockerd(d);
  daemons = [];
});

describe('on real dockerd 20.10, registry and squid', () => {
  it('1. only --build-arg HTTP_PROXY: FROM fails; builder-proxy-missing; the drop-in makes FROM go through squid', async () => {
    const root = configRoot();
    let d = await daemon({});
    const ctx = context(FROM);
    const broken = build(d, ctx, [
      '--build-arg',
      `HTTP_PROXY=${PROXY}`,
      '--build-arg',
      `HTTPS_PROXY=${PROXY}`,
    ]);
    expect(broken.code).not.toBe(0);
    expect(broken.stdout + broken.stderr).toMatch(/registry\.test:5000.*connection refused/);
    const doctor = doctorBothWays(['--root', root, '--file', join(ctx, 'Dockerfile')], {
      daemon: d,
      env: SHELL,
    });
    expect(doctor.code).toBe(1);
    expect(rules(doctor)).toContain('builder-proxy-missing');
    const env = fix(root, d, ['--target', 'docker-systemd']);
    expect(env.HTTPS_PROXY).toBe(PROXY);
    await stopDockerd(d);
    d = await daemon(env);
    expect(rules(buildproxy(['doctor', '--root', root, '--json'], { daemon: d, env: SHELL }))).not.toContain(
      'builder-proxy-missing',
    );
    await resetLogs();
    const ok = build(d, ctx);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/GET http:\/\/registry\.test:5000\/v2\/base\/manifests\//)).not.toBeNull();
  });

  it('2. RUN steps without proxy: wget fails; run-proxy-missing; docker-cli-config sends RUN through squid', async () => {
    const root = configRoot({ [`${DROP_IN_DIR}/http-proxy.conf`]: dropIn(proxyEnv()) });
    const d = await daemon(proxyEnv());
    const ctx = context(runStep('before'));
    const broken = build(d, ctx, ['--add-host', `web.test:${GW}`]);
    expect(broken.code).not.toBe(0);
    expect(broken.stdout + broken.stderr).toContain('WGET-FAILED');
    expect(webLog()).not.toContain('run-before');
    expect(rules(buildproxy(['doctor', '--root', root, '--json'], { daemon: d, env: SHELL }))).toContain(
      'run-proxy-missing',
    );
    fix(root, d, ['--target', 'docker-cli-config']);
    const cfg = JSON.parse(readFileSync(join(root, HOME, '.docker/config.json'), 'utf8'));
    expect(cfg.proxies.default.httpProxy).toBe(`${PROXY}`);
    await resetLogs();
    const ok = build(d, context(runStep('after')), ['--add-host', `web.test:${GW}`], {
      DOCKER_CONFIG: join(root, HOME, '.docker'),
    });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/GET http:\/\/web\.test:8080\/run-after/)).not.toBeNull();
    expect(webLog()).toMatch(/run-after via=.*squid/);
  });

  it('3. HTTP_PROXY only with a TLS registry: https-proxy-missing; after the fix a CONNECT appears', async () => {
    const only = { HTTP_PROXY: PROXY, NO_PROXY: 'localhost' };
    const root = configRoot({ [`${DROP_IN_DIR}/http-proxy.conf`]: dropIn(only) });
    let d = await daemon(only);
    const ctx = context('FROM secure.test:5443/base:latest\nRUN echo tls\n');
    const broken = build(d, ctx);
    expect(broken.code).not.toBe(0);
    expect(broken.stdout + broken.stderr).toMatch(/secure\.test:5443.*connection refused/);
    expect(rules(buildproxy(['doctor', '--root', root, '--json'], { daemon: d, env: SHELL }))).toContain(
      'https-proxy-missing',
    );
    const env = fix(root, d, ['--target', 'docker-systemd']);
    await stopDockerd(d);
    d = await daemon(env);
    await resetLogs();
    const ok = build(d, ctx);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/CONNECT secure\.test:5443/)).not.toBeNull();
  });

  it('4. an internal registry must stay direct: no-proxy-missing-registry until NO_PROXY covers it', async () => {
    const root = configRoot({ [`${DROP_IN_DIR}/http-proxy.conf`]: dropIn(proxyEnv()) });
    let d = await daemon(proxyEnv());
    const ctx = context('FROM internal.test:5000/base:latest\nRUN echo internal\n');
    await resetLogs();
    const broken = build(d, ctx);
    expect(broken.code).not.toBe(0);
    expect(await squidLogged(/TCP_DENIED\/403 .*internal\.test:5000/)).not.toBeNull();
    const doctor = buildproxy(['doctor', '--root', root, '--json', '--registry', 'internal.test:5000'], {
      daemon: d,
      env: SHELL,
    });
    expect(rules(doctor)).toContain('no-proxy-missing-registry');
    const env = fix(root, d, ['--target', 'docker-systemd', '--registry', 'internal.test:5000']);
    expect(env.NO_PROXY).toContain('internal.test:5000');
    await stopDockerd(d);
    d = await daemon(env);
    expect(
      rules(
        buildproxy(['doctor', '--root', root, '--json', '--registry', 'internal.test:5000'], {
          daemon: d,
          env: { ...SHELL, NO_PROXY: env.NO_PROXY! },
        }),
      ),
    ).not.toContain('no-proxy-missing-registry');
    await resetLogs();
    const ok = build(d, ctx);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLog()).not.toContain('internal.test');
  });

  it('5. a 127.0.0.1 proxy for RUN steps on the bridge: loopback-proxy-unreachable; fixed with the bridge address', async () => {
    const local = 'http://127.0.0.1:3128';
    const cfg = `${JSON.stringify({ proxies: { default: { httpProxy: local, httpsProxy: local } } }, null, 2)}\n`;
    const root = configRoot({
      [`${DROP_IN_DIR}/http-proxy.conf`]: dropIn(proxyEnv()),
      [`${HOME}/.docker/config.json`]: cfg,
    });
    const d = await daemon(proxyEnv());
    const dockerConfig = join(root, HOME, '.docker');
    const broken = build(d, context(runStep('loop')), ['--add-host', `web.test:${GW}`], {
      DOCKER_CONFIG: dockerConfig,
    });
    expect(broken.code).not.toBe(0);
    expect(broken.stdout + broken.stderr).toMatch(/127\.0\.0\.1.*(refused|Connection)|WGET-FAILED/);
    expect(rules(buildproxy(['doctor', '--root', root, '--json'], { daemon: d, env: SHELL }))).toContain(
      'loopback-proxy-unreachable',
    );
    fix(root, d, ['--proxy', PROXY, '--target', 'docker-cli-config']);
    await resetLogs();
    const ok = build(d, context(runStep('bridge')), ['--add-host', `web.test:${GW}`], {
      DOCKER_CONFIG: dockerConfig,
    });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/GET http:\/\/web\.test:8080\/run-bridge/)).not.toBeNull();
  });

  it('6. the # syntax= frontend is pulled by the builder: through squid once the builder has the proxy', async () => {
    const root = configRoot();
    let d = await daemon({});
    const ctx = context('# syntax=registry.test:5000/base:latest\nFROM scratch\n');
    const broken = build(d, ctx);
    expect(broken.stdout + broken.stderr).toMatch(/registry\.test:5000.*connection refused/);
    const doctor = buildproxy(['doctor', '--root', root, '--json', '--file', join(ctx, 'Dockerfile')], {
      daemon: d,
      env: SHELL,
    });
    expect(rules(doctor)).toContain('syntax-frontend-pull');
    const env = fix(root, d, ['--target', 'docker-systemd']);
    await stopDockerd(d);
    d = await daemon(env);
    await resetLogs();
    build(d, ctx); // base is no real frontend: the build fails after the pull, which is the point
    expect(await squidLogged(/registry\.test:5000\/v2\/base\/manifests\/latest/)).not.toBeNull();
  });

  it('7. daemon.json proxies on dockerd 20.10: the daemon refuses to start; daemon-json-unsupported; the fix starts it', async () => {
    const dj = `${JSON.stringify({ 'log-level': 'warn', proxies: { 'http-proxy': PROXY, 'https-proxy': PROXY } }, null, 2)}\n`;
    const root = configRoot({ '/etc/docker/daemon.json': dj });
    const configFile = join(root, 'etc/docker/daemon.json');
    const refused = await daemon({}, { configFile, expectExit: true });
    expect(refused.proc.exitCode).not.toBe(0);
    expect(refused.log()).toMatch(
      /the following directives don't match any configuration option: (.*)(http-proxy|https-proxy)/,
    );
    const doctor = doctorBothWays(['--root', root], { daemon: refused, env: SHELL });
    expect(rules(doctor)).toEqual(expect.arrayContaining(['daemon-json-unsupported', 'daemon-unreachable']));
    const env = fix(root, refused, ['--target', 'docker-systemd']);
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({ 'log-level': 'warn' });
    const d = await daemon(env, { configFile });
    await resetLogs();
    const ok = build(d, context(FROM));
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/registry\.test:5000\/v2\/base\/manifests/)).not.toBeNull();
  });

  it('8. drop-in changed but dockerd not restarted: builder-config-stale, gone after the restart', async () => {
    const root = configRoot({ [`${DROP_IN_DIR}/http-proxy.conf`]: dropIn(proxyEnv()) });
    let d = await daemon({});
    // A tree without proc/: the running dockerd is not read (never from this host's /proc), and the report says so.
    const blind = buildproxy(['doctor', '--root', root, '--json'], { daemon: d, env: SHELL });
    const parts = JSON.parse(blind.stdout).notCaptured.map((n: { part: string }) => n.part);
    expect(parts).toEqual(['processes', 'net']);
    expect(blind.stdout).not.toContain(`pid ${d.pid}`);
    expect(rules(blind)).not.toContain('builder-config-stale');
    // The rule compares the drop-in in the tree with the environment the running dockerd really has, which only
    // its /proc/PID/environ tells: the tree gets the live /proc (--root reads processes only from DIR/proc).
    withLiveProc(root);
    expect(rules(buildproxy(['doctor', '--root', root, '--json'], { daemon: d, env: SHELL }))).toContain(
      'builder-config-stale',
    );
    await stopDockerd(d);
    d = await daemon(dropInEnvironment(readRootFiles(root, DROP_IN_DIR), HOME));
    expect(rules(buildproxy(['doctor', '--root', root, '--json'], { daemon: d, env: SHELL }))).not.toContain(
      'builder-config-stale',
    );
  });

  it('9. wrong % escaping and quoting in a drop-in: the systemd rules fire; the generated drop-in yields the intended env', async () => {
    const withCreds = `http://alice:p%40ss@${GW}:3128`;
    const bad = `[Service]\nEnvironment="HTTP_PROXY=${withCreds}"\nEnvironment="HTTPS_PROXY=${PROXY} NO_PROXY=localhost"\n`;
    const root = configRoot({ [`${DROP_IN_DIR}/http-proxy.conf`]: bad });
    const doctor = buildproxy(['doctor', '--root', root, '--json'], { env: SHELL });
    expect(rules(doctor)).toEqual(
      expect.arrayContaining(['systemd-percent-escape', 'systemd-environment-quoting']),
    );
    const env = fix(root, undefined, ['--proxy', withCreds, '--target', 'docker-systemd']);
    expect(env).toEqual({
      HTTP_PROXY: withCreds,
      HTTPS_PROXY: withCreds,
      NO_PROXY: 'localhost,127.0.0.1,::1',
      http_proxy: withCreds,
      https_proxy: withCreds,
      no_proxy: 'localhost,127.0.0.1,::1',
    });
    const d = await daemon(env);
    await resetLogs();
    const ok = build(d, context(FROM));
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/registry\.test:5000\/v2\/base\/manifests/)).not.toBeNull();
  });
});
