// Stretch: Docker Engine 26 + buildx 0.13 (Debian trixie, extracted by stretch/prepare.sh) and a docker-container
// builder whose BuildKit image was compiled from Debian sources. The builder container does not inherit dockerd's
// proxy: builder-not-inherited fires, and the buildx-docker-container plan — applied with --run-commands, which runs
// the real `docker buildx rm` and `docker buildx create` — makes FROM go through squid.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI,
  context,
  dockerdArgs,
  doctorBothWays,
  E2E,
  PROXY,
  resetLogs,
  rules,
  seedImage,
  sleep,
  squidLogged,
} from './harness.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
const CACHE = process.env.E2E_CACHE ?? '/var/cache/buildproxy-e2e';
const X = join(CACHE, 'trixie-root');
const DOCKER = '/usr/local/bin/docker'; // CLI 28; buildx comes from DOCKER_CONFIG/cli-plugins

let dockerd: ChildProcess | null = null;
let dir = '';
let env: Record<string, string> = {};

function docker(args: string[], extra: Record<string, string> = {}) {
  return spawnSync(DOCKER, args, { encoding: 'utf8', timeout: 180_000, env: { ...env, ...extra } });
}

async function startD26(extraArgs: string[], daemonEnv: Record<string, string>): Promise<void> {
  const sock = join(dir, 'docker.sock');
  dockerd = spawn(join(X, 'usr/sbin/dockerd'), [...dockerdArgs(dir, sock), ...extraArgs], {
    env: { PATH: `${join(X, 'usr/bin')}:/usr/sbin:/usr/bin:/sbin:/bin`, ...daemonEnv },
    stdio: 'ignore',
  });
  writeFileSync(join(E2E, 'run', 'dockerd-d26.pid'), String(dockerd.pid));
  env = {
    PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
    HOME: dir,
    DOCKER_CONFIG: join(dir, 'docker-config'),
    DOCKER_HOST: `unix://${sock}`,
    HTTPS_PROXY: PROXY,
    HTTP_PROXY: PROXY,
    NO_PROXY: 'localhost,127.0.0.1',
  };
  for (let i = 0; i < 300 && docker(['version']).status !== 0; i++) await sleep(100);
}

async function stopD26(): Promise<void> {
  if (!dir) return; // nothing started; never match every mount with an empty prefix
  if (dockerd && dockerd.exitCode === null) {
    dockerd.kill('SIGTERM');
    await Promise.race([new Promise((r) => dockerd!.on('close', r)), sleep(15_000)]);
  }
  for (const m of execFileSync('awk', ['-v', `p=${dir}/`, 'index($2, p) == 1 {print $2}', '/proc/mounts'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)
    .reverse()) {
    spawnSync('umount', [m]);
  }
}

beforeAll(async () => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
  // Seed the BuildKit image as the one user the firewall lets through (squid's), directly: a 60 MB upload through
  // squid trips its short e2e timeouts, and seeding is not what is under test.
  seedImage(`${join(CACHE, 'buildkit-image')}:e2e`, 'registry.test:5000/buildkit:e2e');
  dir = mkdtempSync(join(E2E, 'd26-'));
  const cfg = join(dir, 'docker-config');
  mkdirSync(join(cfg, 'cli-plugins'), { recursive: true });
  execFileSync('cp', [join(CACHE, 'dockercfg/cli-plugins/docker-buildx'), join(cfg, 'cli-plugins/')]);
  writeFileSync(join(cfg, 'config.json'), '{}\n');
  await startD26([], { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY, NO_PROXY: 'localhost,127.0.0.1' });
}, 300_000);

afterAll(async () => {
  if (dockerd) docker(['buildx', 'rm', '--force', 'ci']);
  await stopD26();
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 120_000);

describe('stretch: dockerd 26 + buildx 0.13 + a docker-container builder', () => {
  it('builder-not-inherited fires; the buildx-docker-container plan recreates the builder and FROM goes through squid', async () => {
    const toml = join(dir, 'buildkitd.toml');
    writeFileSync(toml, '[registry."registry.test:5000"]\n  http = true\n');
    const created = docker([
      'buildx',
      'create',
      '--name',
      'ci',
      '--driver',
      'docker-container',
      '--driver-opt',
      'image=registry.test:5000/buildkit:e2e',
      '--buildkitd-config',
      toml,
      '--platform',
      'linux/amd64',
      '--use',
      '--bootstrap',
    ]);
    expect(created.status, created.stderr).toBe(0);
    const ctx = context('FROM registry.test:5000/base:latest\nRUN echo from-the-container-builder\n');
    const broken = docker(['buildx', 'build', '--progress=plain', '--no-cache', ctx]);
    expect(broken.status).not.toBe(0);
    // Without a proxy buildkitd resolves the registry itself, and the firewall's resolver refuses.
    expect(broken.stderr).toMatch(/registry\.test:5000.*(connection refused|lookup registry\.test)/);
    // buildx has a builder of its own here: the doctor runs buildx, and inspects the container over the API.
    const found = rules(doctorBothWays([], { env }));
    expect(found).toContain('builder-not-inherited');
    const plan = join(dir, 'plan.json');
    const p = spawnSync(process.execPath, [CLI, 'plan', '--target', 'buildx-docker-container', '-o', plan], {
      encoding: 'utf8',
      env,
    });
    expect(p.status, p.stderr).toBe(0);
    const a = spawnSync(
      process.execPath,
      [CLI, 'apply', plan, '--yes', '--run-commands', '--no-verify', '--no-color'],
      {
        encoding: 'utf8',
        env,
        timeout: 240_000,
      },
    );
    expect(a.status, a.stdout + a.stderr).toBe(0);
    expect(a.stdout).toMatch(/ran\s+docker buildx rm --keep-state ci/);
    expect(a.stdout).toMatch(/ran\s+docker buildx create --name ci --driver docker-container/);
    // The platform chosen at creation survives: buildx's instance record is the only place that keeps it.
    expect(a.stdout).toMatch(/docker buildx create .*--platform linux\/amd64/);
    const record = JSON.parse(readFileSync(join(env.DOCKER_CONFIG!, 'buildx/instances/ci'), 'utf8'));
    expect(record.Nodes[0].Platforms).toEqual([{ architecture: 'amd64', os: 'linux' }]);
    const inspect = docker(['inspect', 'buildx_buildkit_ci0', '--format', '{{json .Config.Env}}']);
    expect(inspect.stdout).toContain(`HTTPS_PROXY=${PROXY}`);
    expect(inspect.stdout).toContain('no_proxy=localhost,127.0.0.1,::1');
    const again = spawnSync(process.execPath, [CLI, 'doctor', '--json'], { encoding: 'utf8', env });
    expect(rules({ code: again.status, stdout: again.stdout, stderr: again.stderr })).not.toContain(
      'builder-not-inherited',
    );
    await resetLogs();
    const ok = docker(['buildx', 'build', '--progress=plain', '--no-cache', ctx]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(await squidLogged(/registry\.test:5000\/v2\/base\/manifests/)).not.toBeNull();
  }, 300_000);

  it('daemon.json proxies win over the environment on Engine 26: daemon-json-overrides-env, and pulls follow daemon.json', async () => {
    docker(['buildx', 'rm', '--force', 'ci']);
    await stopD26();
    const root = mkdtempSync(join(E2E, 'root26-'));
    mkdirSync(join(root, 'etc/docker'), { recursive: true });
    mkdirSync(join(root, 'etc/systemd/system/docker.service.d'), { recursive: true });
    const dead = 'http://127.0.0.1:9';
    writeFileSync(
      join(root, 'etc/docker/daemon.json'),
      `${JSON.stringify({ proxies: { 'http-proxy': PROXY, 'https-proxy': PROXY, 'no-proxy': 'localhost' } }, null, 2)}\n`,
    );
    writeFileSync(
      join(root, 'etc/systemd/system/docker.service.d/http-proxy.conf'),
      `[Service]\nEnvironment="HTTP_PROXY=${dead}"\nEnvironment="HTTPS_PROXY=${dead}"\n`,
    );
    await startD26(['--config-file', join(root, 'etc/docker/daemon.json')], {
      HTTP_PROXY: dead,
      HTTPS_PROXY: dead,
    });
    const info = docker(['info', '--format', '{{.HTTPSProxy}}']);
    expect(info.stdout.trim()).toBe(PROXY); // environ says 127.0.0.1:9; dockerd reports daemon.json
    const doctor = spawnSync(process.execPath, [CLI, 'doctor', '--json', '--root', root], {
      encoding: 'utf8',
      env,
    });
    const report = JSON.parse(doctor.stdout);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('daemon-json-overrides-env');
    expect(report.actors.runtime.httpsProxy.value).toBe(PROXY);
    await resetLogs();
    const pull = docker(['pull', '-q', 'registry.test:5000/base:latest']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(await squidLogged(/GET http:\/\/registry\.test:5000\/v2\/base\/manifests\//)).not.toBeNull();
  }, 300_000);

  it('daemon.json edited after dockerd started (Engine 26): builder-config-stale says restart dockerd', async () => {
    await stopD26();
    const root = mkdtempSync(join(E2E, 'stale26-'));
    mkdirSync(join(root, 'etc/docker'), { recursive: true });
    const dj = join(root, 'etc/docker/daemon.json');
    writeFileSync(dj, '{}\n');
    await startD26(['--config-file', dj], {});
    // The user adds proxies to daemon.json and forgets the restart: docker info still reports none.
    writeFileSync(
      dj,
      `${JSON.stringify({ proxies: { 'http-proxy': PROXY, 'https-proxy': PROXY, 'no-proxy': 'localhost' } }, null, 2)}\n`,
    );
    expect(docker(['info', '--format', '{{.HTTPSProxy}}']).stdout.trim()).toBe('');
    const doctor = spawnSync(process.execPath, [CLI, 'doctor', '--json', '--root', root], {
      encoding: 'utf8',
      env,
    });
    const stale = JSON.parse(doctor.stdout).findings.filter(
      (f: { rule: string }) => f.rule === 'builder-config-stale',
    );
    expect(stale).toHaveLength(1);
    expect(stale[0].message).toMatch(/daemon\.json sets .*but the running dockerd reports .*restart dockerd/);
  }, 300_000);
});
