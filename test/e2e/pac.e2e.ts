// A laptop whose only proxy setting is a PAC file (WSL's WSL_PAC_URL here), on real dockerd 20.10, registry and
// squid behind the e2e firewall: the build fails direct; `doctor --network` fetches the PAC file from a server in
// the namespace, runs it in the sandbox (dnsResolve answered from the namespace's /etc/hosts), and names the
// actor that goes direct where the PAC says PROXY; core's suggestedProxy turns the captured answers into the
// static proxy; plan + apply give it to dockerd, and the build goes through squid.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, suggestedProxy } from '@buildproxy/core';
import { dropInEnvironment } from '@buildproxy/core/node';
import { parseEvidence } from '@buildproxy/core/validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  readRootFiles,
  resetLogs,
  sleep,
  squidLogged,
  startDockerd,
  stopDockerd,
} from './harness.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
const DROP_IN_DIR = '/etc/systemd/system/docker.service.d';
const FROM = 'FROM registry.test:5000/base:latest\nRUN echo built through the PAC proxy\n';

// Corporate style (MDN's PAC examples; the "company.net" PAC kept in phax/ph-commons' tests): plain names and the
// intranet direct, private addresses direct after dnsResolve, the data-centre registry direct, the rest through
// the proxy with DIRECT as the browser's fallback.
const PAC = `function FindProxyForURL(url, host) {
  host = host.toLowerCase();
  if (isPlainHostName(host) || dnsDomainIs(host, ".corp.example")) return "DIRECT";
  if (shExpMatch(host, "internal.test")) return "DIRECT";
  var ip = dnsResolve(host);
  if (ip && isInNet(ip, "10.0.0.0", "255.0.0.0")) return "DIRECT";
  return "PROXY ${GW}:3128; DIRECT";
}
`;

// The PAC server is a process of its own: buildproxy runs under spawnSync, which would block a server in this one.
const PAC_SERVER = `const [file, port] = process.argv.slice(1);
require('node:http')
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' });
    res.end(require('node:fs').readFileSync(file));
  })
  .listen(Number(port), '127.0.0.1');`;
const PAC_PORT = 8181;
const pacUrl = `http://127.0.0.1:${PAC_PORT}/proxy.pac`;
let server: ChildProcess | undefined;
const daemons: Daemon[] = [];

beforeAll(async () => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
  const file = join(mkdtempSync(join(E2E, 'pac-')), 'proxy.pac');
  writeFileSync(file, PAC);
  server = spawn(process.execPath, ['-e', PAC_SERVER, file, String(PAC_PORT)], { stdio: 'inherit' });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(pacUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await sleep(50);
  }
}, 120_000);
afterAll(async () => {
  for (const d of daemons) await stopDockerd(d);
  server?.kill();
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 60_000);

describe('a PAC-only laptop on real dockerd, registry and squid', () => {
  it('the PAC says PROXY, dockerd goes direct; its static answer, applied, makes the build go through squid', async () => {
    const root = configRoot();
    const shell = { WSL_PAC_URL: pacUrl, WSL_DISTRO_NAME: 'Ubuntu' };
    const d0 = await startDockerd({});
    daemons.push(d0);
    const ctx = context(FROM);
    const broken = build(d0, ctx);
    expect(broken.code).not.toBe(0);

    const capture = join(root, 'capture.json');
    const doctor = buildproxy(
      [
        'doctor',
        '--network',
        '--json',
        '--root',
        root,
        '--registry',
        'registry.test:5000',
        '--registry',
        'internal.test:5000',
        '--capture',
        capture,
        '--timeout',
        '3000',
      ],
      { daemon: d0, env: shell, timeoutMs: 120_000 },
    );
    const findings = JSON.parse(doctor.stdout).findings as { rule: string; actor: string; message: string }[];
    const notUsed = findings.find((f) => f.rule === 'pac-proxy-not-used' && f.actor === 'runtime');
    expect(notUsed?.message, doctor.stdout + doctor.stderr).toContain(`"PROXY ${GW}:3128; DIRECT" for`);
    // every host named: docker.io's three and registry.test:5000, asked by its host name (not internal.test: DIRECT)
    expect(notUsed?.message).toContain(
      'for registry-1.docker.io, auth.docker.io, production.cloudflare.docker.com, registry.test, but dockerd',
    );
    const bundle = parseEvidence(JSON.parse(readFileSync(capture, 'utf8')));
    expect(bundle.pac?.answers.find((x) => x.host === 'registry.test')?.answer).toBe(
      `PROXY ${GW}:3128; DIRECT`,
    );
    expect(bundle.pac?.answers.find((x) => x.host === 'internal.test')?.answer).toBe('DIRECT');
    expect(bundle.pac?.source).toBe('WSL autoProxy (WSL_PAC_URL)');
    // dnsResolve asked the namespace's resolver: registry.test is 127.0.0.2 there
    expect(bundle.pac?.dns['registry.test']).toBe('127.0.0.2');

    // the wizard's default answer, from the captured answers
    const s = suggestedProxy(analyze(bundle));
    expect(s).toMatchObject({ source: 'pac', httpsProxy: PROXY });
    expect(s?.noProxy).toContain('internal.test');

    const plan = join(root, 'plan.json');
    const p = buildproxy(
      [
        'plan',
        '--root',
        root,
        '-o',
        plan,
        '--proxy',
        s!.httpsProxy,
        '--no-proxy',
        s!.noProxy.join(','),
        '--target',
        'docker-systemd',
      ],
      { daemon: d0, env: shell },
    );
    expect(p.code, p.stderr).toBe(0);
    const a = buildproxy(['apply', plan, '--root', root, '--yes'], { daemon: d0 });
    expect(a.code, a.stdout + a.stderr).toBe(0);
    const env = dropInEnvironment(readRootFiles(root, DROP_IN_DIR), HOME);
    expect(env.HTTPS_PROXY).toBe(PROXY);
    expect(env.NO_PROXY).toContain('internal.test');

    await stopDockerd(d0);
    const d1 = await startDockerd(env);
    daemons.push(d1);
    await resetLogs();
    const ok = build(d1, ctx);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(await squidLogged(/GET http:\/\/registry\.test:5000\/v2\/base\/manifests\//)).not.toBeNull();
  });
});
