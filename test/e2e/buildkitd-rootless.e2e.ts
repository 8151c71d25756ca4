// The founding case (issue 13), rootless: a user's buildkitd under rootlesskit (Debian's rootlesskit + uidmap, a
// user with subuid/subgid ranges), listening on $XDG_RUNTIME_DIR/buildkit/buildkitd.sock and started without a
// proxy. Everything here runs as that user, as it would on a laptop: the daemon, buildctl and the doctor.
//   1. BUILDKIT_HOST unset: buildctl would dial /run/buildkit/buildkitd.sock; the doctor reports the mismatch.
//   2. BUILDKIT_HOST set, proxy build args only: the build fails; the doctor names the rootless buildkitd.
//   3. The default plan writes the user unit's drop-in (~/.config/systemd/user/buildkit.service.d); buildkitd,
//      restarted with the environment this suite's own systemd reader finds there, builds through squid.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildctlArgs, CACHE, foundingDockerfile, TOML, USER_COMMAND } from './buildctl.js';
import {
  CLI,
  E2E,
  PROXY,
  readRootFiles,
  releaseLiveProc,
  resetLogs,
  seedImage,
  sleep,
  squidLogged,
  webLog,
  withLiveProc,
} from './harness.js';
import { serviceEnvironment } from './systemd-env.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
const USER = process.env.E2E_ROOTLESS_USER ?? 'bpe2e';
let uid = -1;
let gid = -1;
let home = '';
let xdg = '';
let madeXdg = false;
let dir = '';
let bk: ChildProcess | null = null;
let bkLog = '';
/** why rootless cannot run here (the exact command and its error), or null */
let cannot: string | null = null;

const sock = () => join(xdg, 'buildkit', 'buildkitd.sock');
const asUser = (argv: string[]) => [
  `--reuid=${uid}`,
  `--regid=${gid}`,
  '--init-groups',
  '--reset-env',
  ...argv,
];

/** The user's login environment (what systemd --user gives its services), plus `extra`. */
function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    USER,
    HOME: home,
    PATH: `${BIN}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin`,
    XDG_RUNTIME_DIR: xdg,
    ...extra,
  };
}

function runAsUser(argv: string[], env: Record<string, string>, timeout = 180_000) {
  return spawnSync('setpriv', asUser(['env', '-i', ...envArgs(env), ...argv]), {
    encoding: 'utf8',
    timeout,
    cwd: dir,
  });
}

function envArgs(env: Record<string, string>): string[] {
  return Object.entries(env).map(([k, v]) => `${k}=${v}`);
}

/** `rootlesskit buildkitd`, as BuildKit's rootless guide starts it, with the environment of its unit. */
async function startRootless(env: Record<string, string>): Promise<void> {
  bkLog = '';
  const argv = ['rootlesskit', join(BIN, 'buildkitd'), '--config', join(dir, 'buildkitd.toml')];
  argv.push('--root', join(dir, 'state'));
  bk = spawn('setpriv', asUser(['env', '-i', ...envArgs(userEnv(env)), ...argv]), {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: dir,
  });
  bk.stderr?.on('data', (d) => {
    bkLog += d;
  });
  writeFileSync(join(E2E, 'run', 'buildkitd-rootless.pid'), String(bk.pid));
  for (let i = 0; i < 300; i++) {
    const r = runAsUser(['buildctl', '--addr', `unix://${sock()}`, 'debug', 'workers'], userEnv(), 3000);
    if (r.status === 0) return;
    if (bk.exitCode !== null)
      throw new Error(`${argv.join(' ')} exited ${bk.exitCode}: ${bkLog.slice(-2000)}`);
    await sleep(100);
  }
  throw new Error(`${argv.join(' ')} did not come up: ${bkLog.slice(-2000)}`);
}

async function stopRootless(): Promise<void> {
  if (bk && bk.exitCode === null) {
    bk.kill('SIGTERM'); // rootlesskit passes it on to buildkitd
    await Promise.race([new Promise((r) => bk!.on('close', r)), sleep(10_000)]);
    if (bk.exitCode === null) bk.kill('SIGKILL');
  }
  bk = null;
}

/** The built CLI, copied where the user can read it (the checkout may sit in root's home). */
let userCli = '';
function doctor(args: string[], env: Record<string, string>) {
  return runAsUser([process.execPath, userCli, ...args], env, 120_000);
}

function own(path: string): void {
  chownSync(path, uid, gid);
}

beforeAll(async () => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
  seedImage(`${join(CACHE, 'frontend-image')}:1`, 'registry.test:5000/dockerfile:1');
  execFileSync(join(import.meta.dirname, 'rootless-user.sh'), [USER], { stdio: 'inherit' });
  uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
  gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
  home = execFileSync('getent', ['passwd', USER], { encoding: 'utf8' }).split(':')[5]!;
  xdg = `/run/user/${uid}`;
  if (!existsSync(xdg)) {
    mkdirSync(xdg, { recursive: true, mode: 0o700 });
    madeXdg = true;
  }
  own(xdg);
  chmodSync(E2E, 0o755);
  dir = mkdtempSync(join(E2E, 'bkrl-'));
  own(dir);
  writeFileSync(join(dir, 'buildkitd.toml'), TOML);
  own(join(dir, 'buildkitd.toml'));
  userCli = join(dir, 'cli', 'cli.cjs');
  cpSync(dirname(CLI), dirname(userCli), { recursive: true });
  execFileSync('chmod', ['-R', 'a+rX', dirname(userCli)]);
  // rootlesskit needs user namespaces and newuidmap; if this machine forbids them, say exactly what failed.
  const probe = runAsUser(['rootlesskit', 'true'], userEnv(), 30_000);
  if (probe.status !== 0)
    cannot = `setpriv --reuid=${uid} rootlesskit true: exit ${probe.status}: ${(probe.stderr || String(probe.error)).trim()}`;
}, 300_000);

afterAll(async () => {
  releaseLiveProc(); // before anything below removes the tree
  await stopRootless();
  rmSync(join(xdg, 'buildkit'), { recursive: true, force: true });
  if (madeXdg) rmSync(xdg, { recursive: true, force: true });
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
  // The daemon's state is owned by the user's subordinate ids: remove it as root, after the daemon stopped.
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('founding case, rootless: buildkitd under rootlesskit, driven by buildctl as its user', () => {
  it('reports the socket mismatch, names the rootless buildkitd, and its user drop-in makes the build go through squid', async (ctx) => {
    if (cannot) ctx.skip(`rootless buildkitd cannot run here: ${cannot}`);
    await startRootless({}); // no proxy, as on the failing machine
    const ctxDir = join(dir, 'ctx');
    mkdirSync(ctxDir);
    writeFileSync(join(ctxDir, 'Dockerfile'), foundingDockerfile('run-rootless'));
    own(ctxDir);
    own(join(ctxDir, 'Dockerfile'));
    const df = join(ctxDir, 'Dockerfile');

    // 1. BUILDKIT_HOST unset: buildctl dials the rootful default, where nothing listens.
    const shell = { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: 'localhost,127.0.0.1' };
    const unset = doctor(['doctor', '--json', '--file', df, '--command', USER_COMMAND], userEnv(shell));
    const r1 = JSON.parse(unset.stdout);
    expect(r1.builders.buildctlNote, unset.stderr).toContain(
      `a rootless buildkitd listens on ${sock()}, but BUILDKIT_HOST is unset`,
    );
    expect(r1.builders.buildctlNote).toContain(`export BUILDKIT_HOST=unix://${sock()}`);

    // 2. The user followed that advice: the build reaches the rootless buildkitd, which goes direct and is refused.
    const env = userEnv({ ...shell, BUILDKIT_HOST: `unix://${sock()}` });
    const broken = runAsUser(['buildctl', ...buildctlArgs(ctxDir)], env);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/registry\.test:5000.*(connection refused|connection reset)/);

    // The user's systemd tree under --root, owned by the user: the unit `systemctl --user` would load.
    const root = join(dir, 'sysroot');
    const unitDir = join(root, home.slice(1), '.config/systemd/user');
    mkdirSync(unitDir, { recursive: true });
    mkdirSync(join(root, 'run/systemd/system'), { recursive: true });
    writeFileSync(
      join(unitDir, 'buildkit.service'),
      `[Unit]\nDescription=BuildKit (rootless)\n[Service]\nExecStart=/usr/bin/rootlesskit ${join(BIN, 'buildkitd')}\n[Install]\nWantedBy=default.target\n`,
    );
    execFileSync('chown', ['-R', `${uid}:${gid}`, root]);
    // The buildkitd is the one running here under rootlesskit, which only /proc shows (its pid, user namespace,
    // environment and socket): the tree gets the live /proc, after the chown (--root reads only DIR/proc).
    withLiveProc(root);

    const d2 = doctor(['doctor', '--json', '--root', root, '--file', df, '--command', USER_COMMAND], env);
    const r2 = JSON.parse(d2.stdout);
    expect(d2.status, d2.stderr).toBe(1);
    expect(r2.actors.builder.label).toMatch(/standalone buildkitd \(pid \d+\)/);
    // Truly rootless: the named process is root only inside its user namespace, which maps 0 to the user.
    const pid = /standalone buildkitd \(pid (\d+)\)/.exec(r2.actors.builder.label)![1];
    expect(readFileSync(`/proc/${pid}/uid_map`, 'utf8').trim().split(/\s+/).slice(0, 3)).toEqual([
      '0',
      String(uid),
      '1',
    ]);
    expect(statSync(`/proc/${pid}`).uid).toBe(uid);
    expect(r2.actors.builder.verdict).toBe('error');
    expect(r2.actors.run.verdict).toBe('ok');
    expect(r2.builders.buildctlNote ?? '').not.toContain('BUILDKIT_HOST is unset');
    const rules = r2.findings
      .filter((f: { actor: string }) => f.actor === 'builder')
      .map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['build-args-only', 'syntax-frontend-pull']));

    // 3. The default plan: the user unit's drop-in, never ~/.docker/config.json; applied by the user.
    const planFile = join(dir, 'plan.json');
    const p = doctor(['plan', '--root', root, '--file', df, '--command', USER_COMMAND, '-o', planFile], env);
    expect(p.status, p.stderr).toBe(0);
    const planned = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(planned.targets).toContain('buildkitd-systemd');
    expect(planned.targets).not.toContain('docker-cli-config');
    expect(planned.changes.map((c: { path: string }) => c.path).join('\n')).toContain(
      `${home}/.config/systemd/user/buildkit.service.d/`,
    );
    expect(JSON.stringify(planned.commands)).toContain('--user');
    const a = doctor(['apply', planFile, '--root', root, '--yes', '--no-color'], env);
    expect(a.status, a.stdout + a.stderr).toBe(0);
    const rel = join(home.slice(1), '.config/systemd/user/buildkit.service.d');
    const dropIns = readRootFiles(root, rel);
    expect(Object.keys(dropIns).length).toBeGreaterThan(0);
    const declared = serviceEnvironment([
      readFileSync(join(unitDir, 'buildkit.service'), 'utf8'),
      ...Object.keys(dropIns)
        .sort()
        .map((k) => dropIns[k]!),
    ]);
    expect(declared.HTTPS_PROXY).toBe(PROXY);
    expect(declared.HTTP_PROXY).toBe(PROXY);

    // "systemctl --user restart buildkit": the same daemon with the declared environment.
    await stopRootless();
    await startRootless(declared);
    const r3 = JSON.parse(
      doctor(['doctor', '--json', '--root', root, '--file', df, '--command', USER_COMMAND], env).stdout,
    );
    expect(r3.findings.map((f: { rule: string }) => f.rule)).not.toContain('build-args-only');
    expect(r3.actors.builder.httpsProxy.value).toBe(PROXY);

    await resetLogs();
    const ok = runAsUser(['buildctl', ...buildctlArgs(ctxDir)], env);
    expect(ok.status, ok.stderr + bkLog.slice(-2000)).toBe(0);
    expect(ok.stderr).toMatch(/FROM registry\.test:5000\/base:latest/);
    expect(ok.stderr).toMatch(/RUN wget -q -O- http:\/\/web\.test:8080\/run-rootless/);
    expect(await squidLogged(/registry\.test:5000\/v2\/dockerfile\/manifests\/1/)).not.toBeNull();
    expect(await squidLogged(/registry\.test:5000\/v2\/base\/manifests\/latest/)).not.toBeNull();
    expect(await squidLogged(/GET http:\/\/web\.test:8080\/run-rootless/)).not.toBeNull();
    expect(webLog()).toMatch(/GET web\.test:8080\/run-rootless via=.*squid/);
  }, 600_000);
});
