// The founding case (issue 13): a standalone buildkitd started without a proxy, driven by buildctl with proxy build
// args. FROM and the "# syntax=" frontend come from the e2e registry, which only squid reaches, so the build fails
// however many --opt build-arg: values it passes. The doctor must name buildkitd, the default plan must give
// buildkitd its proxy (a buildkit.service drop-in), and buildkitd restarted with the environment that drop-in
// declares — read by this suite's own systemd reader, not the product's — must build through squid, FROM and RUN.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildctlArgs, CACHE, foundingDockerfile, TOML, USER_COMMAND } from './buildctl.js';
import {
  CLI,
  context,
  E2E,
  HOME,
  PROXY,
  readRootFiles,
  releaseLiveProc,
  resetLogs,
  seedImage,
  sleep,
  squidLog,
  squidLogged,
  webLog,
  withLiveProc,
} from './harness.js';
import { serviceEnvironment } from './systemd-env.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
let dir = '';
let sock = '';
let bk: ChildProcess | null = null;

async function startBuildkitd(env: Record<string, string>): Promise<string> {
  let log = '';
  bk = spawn(
    join(BIN, 'buildkitd'),
    ['--config', join(dir, 'buildkitd.toml'), '--root', join(dir, 'root'), '--addr', `unix://${sock}`],
    {
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  bk.stderr?.on('data', (d) => {
    log += d;
  });
  writeFileSync(join(E2E, 'run', 'buildkitd-founding.pid'), String(bk.pid));
  for (let i = 0; i < 300; i++) {
    if (
      spawnSync(join(BIN, 'buildctl'), ['--addr', `unix://${sock}`, 'debug', 'workers'], { timeout: 3000 })
        .status === 0
    )
      return log;
    if (bk.exitCode !== null) throw new Error(`buildkitd exited: ${log}`);
    await sleep(100);
  }
  throw new Error(`buildkitd did not come up: ${log}`);
}

async function stopBuildkitd(): Promise<void> {
  if (bk && bk.exitCode === null) {
    bk.kill('SIGTERM');
    await Promise.race([new Promise((r) => bk!.on('close', r)), sleep(10_000)]);
    if (bk.exitCode === null) bk.kill('SIGKILL');
  }
  bk = null;
}

// The user's shell: the proxy in its environment, buildctl pointed at the standalone daemon.
const shell = () => ({
  PATH: `${BIN}:/usr/bin:/bin:/usr/sbin:/sbin`,
  HOME,
  BUILDKIT_HOST: `unix://${sock}`,
  HTTPS_PROXY: PROXY,
  HTTP_PROXY: PROXY,
  NO_PROXY: 'localhost,127.0.0.1',
});

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, timeout: 120_000 });
}

beforeAll(() => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
  // The frontend image, seeded as squid's user (the only one the firewall lets reach the registry).
  seedImage(`${join(CACHE, 'frontend-image')}:1`, 'registry.test:5000/dockerfile:1');
  dir = mkdtempSync(join(E2E, 'bk-'));
  sock = join(dir, 'buildkitd.sock');
  writeFileSync(join(dir, 'buildkitd.toml'), TOML);
}, 300_000);

afterAll(async () => {
  releaseLiveProc();
  await stopBuildkitd();
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 120_000);

describe('founding case: standalone buildkitd driven by buildctl', () => {
  it('fails with proxy build args only; the doctor names buildkitd; its drop-in, applied, makes FROM, # syntax= and RUN go through squid', async () => {
    await startBuildkitd({}); // started the way the failing machine had it: no proxy
    const ctx = context(foundingDockerfile('run-founding'));
    const env = shell();
    const broken = spawnSync('buildctl', buildctlArgs(ctx), { encoding: 'utf8', env, timeout: 180_000 });
    expect(broken.status).not.toBe(0);
    // buildkitd itself resolves the frontend image, directly, and the firewall refuses it.
    expect(broken.stderr).toMatch(/registry\.test:5000.*(connection refused|connection reset)/);
    const command = USER_COMMAND;

    // A machine with systemd and a buildkit.service, under --root: the files the plan reads and writes. Its
    // buildkitd is the one running here, which only /proc shows (its environment, socket, pid): the tree gets the
    // live /proc, since --root reads processes only from DIR/proc.
    const root = withLiveProc(mkdtempSync(join(E2E, 'bkroot-')));
    mkdirSync(join(root, 'run/systemd/system'), { recursive: true });
    mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
    mkdirSync(join(root, HOME.slice(1)), { recursive: true });
    writeFileSync(
      join(root, 'etc/systemd/system/buildkit.service'),
      `[Unit]\nDescription=BuildKit\n[Service]\nExecStart=${join(BIN, 'buildkitd')} --addr unix://${sock}\n[Install]\nWantedBy=multi-user.target\n`,
    );

    const df = join(ctx, 'Dockerfile');
    const doctor = cli(['doctor', '--json', '--root', root, '--file', df, '--command', command], env);
    const report = JSON.parse(doctor.stdout);
    expect(doctor.status, doctor.stderr).toBe(1);
    expect(report.actors.builder.label).toMatch(/buildkitd/);
    expect(report.actors.builder.verdict).toBe('error');
    expect(report.actors.run.verdict).toBe('ok'); // the --opt build-arg: values reach RUN
    const builderFindings = report.findings.filter((f: { actor: string }) => f.actor === 'builder');
    expect(builderFindings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['build-args-only', 'syntax-frontend-pull']),
    );
    expect(builderFindings.map((f: { message: string }) => f.message).join('\n')).toMatch(
      /buildkitd \(pid \d+\)/,
    );

    const plan = join(dir, 'plan.json');
    const p = cli(['plan', '--root', root, '--file', df, '--command', command, '-o', plan], env);
    expect(p.status, p.stderr).toBe(0);
    const planned = JSON.parse(readFileSync(plan, 'utf8'));
    expect(planned.targets).toContain('buildkitd-systemd');
    expect(planned.targets).not.toContain('docker-cli-config'); // config.json proxies never reach buildctl's RUN steps
    const a = cli(['apply', plan, '--root', root, '--yes', '--no-color'], env);
    expect(a.status, a.stdout + a.stderr).toBe(0);
    const dropIns = readRootFiles(root, 'etc/systemd/system/buildkit.service.d');
    expect(Object.keys(dropIns).length).toBeGreaterThan(0);
    // systemd's order: the unit, then drop-ins by file name.
    const declared = serviceEnvironment([
      readFileSync(join(root, 'etc/systemd/system/buildkit.service'), 'utf8'),
      ...Object.keys(dropIns)
        .sort()
        .map((k) => dropIns[k]!),
    ]);
    expect(declared.HTTPS_PROXY).toBe(PROXY);
    expect(declared.HTTP_PROXY).toBe(PROXY);

    // "systemctl restart buildkit": the same daemon, with the environment the drop-in declares.
    await stopBuildkitd();
    await startBuildkitd(declared);
    const again = JSON.parse(
      cli(['doctor', '--json', '--root', root, '--file', df, '--command', command], env).stdout,
    );
    expect(again.findings.map((f: { rule: string }) => f.rule)).not.toContain('build-args-only');
    expect(again.actors.builder.verdict).not.toBe('error');
    expect(again.actors.builder.httpsProxy.value).toBe(PROXY);

    await resetLogs();
    const ok = spawnSync('buildctl', buildctlArgs(ctx), { encoding: 'utf8', env, timeout: 180_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/FROM registry\.test:5000\/base:latest/);
    expect(ok.stderr).toMatch(/RUN wget -q -O- http:\/\/web\.test:8080\/run-founding/);
    expect(await squidLogged(/registry\.test:5000\/v2\/dockerfile\/manifests\/1/)).not.toBeNull();
    expect(await squidLogged(/registry\.test:5000\/v2\/base\/manifests\/latest/)).not.toBeNull();
    expect(await squidLogged(/GET http:\/\/web\.test:8080\/run-founding/)).not.toBeNull();
    expect(webLog()).toMatch(/GET web\.test:8080\/run-founding via=.*squid/);
    expect(existsSync(sock)).toBe(true);
    // The proof, in the suite's log: the build's FROM and RUN steps, and squid's lines for the three requests.
    console.log(
      [
        ...ok.stderr
          .split('\n')
          .filter((l) => /\[internal\] load metadata|FROM registry|RUN wget|hello from web/.test(l)),
        ...(await squidLog())
          .split('\n')
          .filter((l) => /dockerfile\/manifests|base\/manifests|run-founding/.test(l)),
      ].join('\n'),
    );
  }, 600_000);
});
