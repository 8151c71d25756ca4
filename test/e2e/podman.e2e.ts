// Real `podman build` and `buildah bud` (Debian 12: podman 4.3.1, buildah 1.28.2) in the e2e network namespace,
// behind the firewall that lets only squid reach the registry and the web origin. A squid with one port per proxy
// source (shell, containers.conf [engine] env, the podman service) proves from its log which configuration each
// step used: the FROM pull (a request from the host process) and the RUN step (a request from the container).
// These are the facts buildproxy's podman analysis rests on (docs: podman-and-buildah).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildproxy, E2E, sleep } from './harness.js';
import {
  containersConf,
  dropWorld,
  PORTS,
  proxyUrl,
  proxyVars,
  ROOTLESS_USER,
  run,
  startActorSquid,
  stopActorSquid,
  takeHits,
  type World,
  who,
  world,
} from './podman.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
const TOOLS = {
  podman: (ctx: string, flags: string[] = []) => ['podman', 'build', '--no-cache', ...flags, ctx],
  buildah: (ctx: string, flags: string[] = []) => ['buildah', 'bud', '--no-cache', ...flags, ctx],
};
const quoted = (vars: Record<string, string>) => Object.entries(vars).map(([k, v]) => `"${k}=${v}"`);
let worlds: World[] = [];
function track(w: World): World {
  worlds.push(w);
  return w;
}

beforeAll(async () => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
  await startActorSquid();
}, 120_000);
afterAll(async () => {
  await stopActorSquid();
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 60_000);
beforeEach(async () => {
  await takeHits(); // a failed test leaves its requests behind
});
afterEach(() => {
  for (const w of worlds) dropWorld(w);
  worlds = [];
});

describe.each(Object.keys(TOOLS) as (keyof typeof TOOLS)[])('rootful %s (4.3.1 / 1.28.2)', (tool) => {
  it('[containers] http_proxy = false does not keep the shell proxy out of RUN; [containers] env does not reach RUN', async () => {
    const nonce = `${tool}-httpfalse`;
    const w = track(
      world(nonce, containersConf({ containers: ['http_proxy = false', 'env = ["FROM_CONF=containers"]'] })),
    );
    const out = run(TOOLS[tool](w.context), { ...w.env, ...proxyVars('shell') });
    expect(out.code, out.text).toBe(0);
    expect(out.runEnv).toContain(`http_proxy=${proxyUrl('shell')}`);
    expect(out.runEnv).not.toContain('FROM_CONF');
    expect(who(await takeHits(), nonce)).toEqual({ pull: ['shell'], run: ['shell'], runFrom: ['container'] });
  });

  it('[engine] env alone: it drives the pull and leaks into RUN', async () => {
    const nonce = `${tool}-engine`;
    const w = track(
      world(nonce, containersConf({ engine: [`env = [${quoted(proxyVars('engineEnv')).join(', ')}]`] })),
    );
    const out = run(TOOLS[tool](w.context), w.env);
    expect(out.code, out.text).toBe(0);
    expect(out.runEnv).toContain(`https_proxy=${proxyUrl('engineEnv')}`);
    expect(who(await takeHits(), nonce)).toEqual({
      pull: ['engineEnv'],
      run: ['engineEnv'],
      runFrom: ['container'],
    });
  });

  it('[engine] env loses to the shell, variable by variable', async () => {
    const nonce = `${tool}-both`;
    const w = track(
      world(nonce, containersConf({ engine: [`env = [${quoted(proxyVars('engineEnv')).join(', ')}]`] })),
    );
    const out = run(TOOLS[tool](w.context), { ...w.env, ...proxyVars('shell') });
    expect(out.code, out.text).toBe(0);
    expect(who(await takeHits(), nonce)).toEqual({ pull: ['shell'], run: ['shell'], runFrom: ['container'] });
  });

  it('--http-proxy=false keeps the proxy out of RUN (the firewall then refuses it); the pull still uses the shell', async () => {
    const nonce = `${tool}-flagfalse`;
    const w = track(world(nonce, containersConf({})));
    const out = run(TOOLS[tool](w.context, ['--http-proxy=false']), { ...w.env, ...proxyVars('shell') });
    expect(out.code, out.text).toBe(0);
    expect(out.runEnv).toBe('');
    expect(out.text).toContain('WGET-FAILED');
    expect(who(await takeHits(), nonce)).toEqual({ pull: ['shell'], run: [], runFrom: [] });
  });
});

describe.each(Object.keys(TOOLS) as (keyof typeof TOOLS)[])('ADD <url> with rootful %s', (tool) => {
  it('is fetched by the podman/buildah process with its own proxy, even with --http-proxy=false', async () => {
    const nonce = `${tool}-add`;
    const dockerfile = `FROM registry.test:5000/base:latest\nADD http://web.test:8080/add-${nonce} /added\n`;
    const w = track(world(nonce, containersConf({}), undefined, dockerfile));
    const out = run(TOOLS[tool](w.context, ['--http-proxy=false']), { ...w.env, ...proxyVars('shell') });
    expect(out.code, out.text).toBe(0);
    const add = (await takeHits()).filter((h) => h.url.includes(`/add-${nonce}`));
    expect(add.map((h) => [h.port, h.from])).toEqual([[PORTS.shell, 'host']]);
  });
});

describe('buildproxy doctor on the real podman 4.3.1', () => {
  it('reads CONTAINERS_CONF and the real podman outputs: http_proxy = false is reported as ignored by builds', () => {
    const w = track(world('doctor', containersConf({ containers: ['http_proxy = false'] })));
    const env = { ...w.env, ...proxyVars('shell') };
    const r = buildproxy(['doctor', '--json'], { env });
    const report = JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] };
    const f = report.findings.find((x) => x.rule === 'podman-http-proxy-ignored');
    expect(f?.message, r.stdout + r.stderr).toContain(`${w.dir}/containers.conf:2`);
    // the same build command with the flag the finding asks for: no finding
    const flagged = buildproxy(
      ['doctor', '--json', '--command', `podman build --http-proxy=false ${w.context}`],
      { env },
    );
    expect(JSON.parse(flagged.stdout).findings.map((x: { rule: string }) => x.rule)).not.toContain(
      'podman-http-proxy-ignored',
    );
  });
});

describe('podman run honours what podman build ignores', () => {
  it('[containers] http_proxy = false: no proxy in `podman run`; [containers] env reaches it', async () => {
    const w = track(
      world('run', containersConf({ containers: ['http_proxy = false', 'env = ["FROM_CONF=containers"]'] })),
    );
    const out = run(
      [
        'podman',
        'run',
        '--rm',
        // runc may not raise RLIMIT_NOFILE/NPROC to podman's defaults in this sandbox: lower them
        '--ulimit',
        'nofile=1024:1024',
        '--ulimit',
        'nproc=1024:1024',
        'registry.test:5000/base:latest',
        'sh',
        '-c',
        "echo \"RUNENV $(env | grep -iE '_proxy=|^FROM_CONF' | sort | tr '\\n' ' ')\"",
      ],
      { ...w.env, ...proxyVars('shell') },
    );
    expect(out.code, out.text).toBe(0);
    expect(out.runEnv).toBe('FROM_CONF=containers');
    await takeHits();
  });
});

describe('remote podman (podman --url to a podman system service), 4.3.1 < 4.4', () => {
  it('pulls with the service env; RUN gets no proxy by default and the service proxy with --http-proxy=true', async () => {
    const w = track(world('remote', containersConf({})));
    const sock = join(w.dir, 'podman.sock');
    const svc = spawn('podman', ['system', 'service', '--time=0', `unix://${sock}`], {
      env: { ...w.env, ...proxyVars('service') },
      stdio: 'ignore',
    });
    writeFileSync(join(E2E, 'run', 'podman-service.pid'), String(svc.pid));
    try {
      for (let i = 0; i < 100 && spawnSync('test', ['-S', sock]).status !== 0; i++) await sleep(100);
      const client = { ...w.env, ...proxyVars('shell') };
      // the client's build context goes over the socket; its own proxy plays no part
      const dflt = run(
        ['podman', '--url', `unix://${sock}`, 'build', '--no-cache', '--build-arg', 'x=1', w.context],
        client,
      );
      expect(dflt.code, dflt.text).toBe(0);
      expect(dflt.runEnv).toBe('');
      expect(who(await takeHits(), 'remote')).toEqual({ pull: ['service'], run: [], runFrom: [] });
      const on = run(
        ['podman', '--url', `unix://${sock}`, 'build', '--no-cache', '--http-proxy=true', w.context],
        client,
      );
      expect(on.code, on.text).toBe(0);
      expect(on.runEnv).toContain(`http_proxy=${proxyUrl('service')}`);
      expect(who(await takeHits(), 'remote')).toEqual({ pull: [], run: ['service'], runFrom: ['container'] });
    } finally {
      svc.kill('SIGTERM');
      await new Promise((r) => svc.once('close', r));
    }
  });
});

describe('rootless podman (user bppodman, subuids from test/e2e/run.sh)', () => {
  it('the user containers.conf http_proxy = false and [engine] env: the shell proxy still reaches RUN', async () => {
    const id = Number(execFileSync('id', ['-u', ROOTLESS_USER], { encoding: 'utf8' }).trim());
    const home = `/home/${ROOTLESS_USER}`;
    const userConf = join(home, '.config', 'containers');
    mkdirSync(userConf, { recursive: true });
    for (const d of [join(home, '.config'), userConf]) chownSync(d, id, id);
    const conf = containersConf({
      containers: ['http_proxy = false'],
      engine: [
        `env = [${quoted({ HTTPS_PROXY: proxyUrl('engineEnv'), https_proxy: proxyUrl('engineEnv') }).join(', ')}]`,
      ],
    });
    writeFileSync(join(userConf, 'containers.conf'), conf);
    chownSync(join(userConf, 'containers.conf'), id, id);
    const w = track(world('rootless', conf, id));
    const runtimeDir = mkdtempSync(join(E2E, 'xdg-'));
    chownSync(runtimeDir, id, id);
    // slirp4netns needs /dev/net/tun; without udev it can be root-only (0600), then RUN shares the host network
    const tun =
      spawnSync('setpriv', [
        '--reuid',
        ROOTLESS_USER,
        '--regid',
        ROOTLESS_USER,
        '--init-groups',
        'sh',
        '-c',
        'exec 3<>/dev/net/tun',
      ]).status === 0;
    try {
      const { CONTAINERS_CONF: _system, ...env } = w.env;
      const out = run(
        TOOLS.podman(w.context, tun ? [] : ['--network', 'host']),
        {
          ...env,
          HOME: home,
          XDG_RUNTIME_DIR: runtimeDir,
          http_proxy: proxyUrl('shell'),
          HTTP_PROXY: proxyUrl('shell'),
        },
        ROOTLESS_USER,
      );
      expect(out.code, out.text).toBe(0);
      // per variable: http from the shell, https from [engine] env — and both reach RUN despite http_proxy = false
      expect(out.runEnv).toContain(`http_proxy=${proxyUrl('shell')}`);
      expect(out.runEnv).toContain(`https_proxy=${proxyUrl('engineEnv')}`);
      const seen = who(await takeHits(), 'rootless');
      expect(seen.run).toEqual(['shell']);
      expect(seen.pull).toEqual(['engineEnv', 'shell']); // CONNECT (https) via [engine] env, then http via the shell
      expect(seen.runFrom).toEqual([tun ? 'container' : 'host']);
    } finally {
      rmSync(join(userConf, 'containers.conf'), { force: true });
      rmSync(runtimeDir, { recursive: true, force: true });
    }
  });
});
