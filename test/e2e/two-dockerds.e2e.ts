// Two dockerds on one machine (issue 14 §3): the doctor must read the one DOCKER_HOST reaches. The second is
// started the way docker.socket starts Debian's and docker-ce's dockerd — `-H fd://` on a socket it inherits
// (systemd-socket-activate) — so its command line names no socket and only the socket inode ties it.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRIDGE,
  buildproxy,
  type Daemon,
  dockerdArgs,
  E2E,
  GW,
  PROXY,
  sleep,
  startDockerd,
  stopDockerd,
} from './harness.js';

const INFRA = join(import.meta.dirname, 'infra.sh');
const BRIDGE2 = 'bpe2e1';
let first: Daemon | null = null;
let second: ChildProcess | null = null;
let dir2 = '';

beforeAll(async () => {
  execFileSync(INFRA, ['up'], { stdio: 'inherit', env: { ...process.env, E2E } });
  // Its own bridge: two daemons on one bridge can delete it under each other.
  spawnSync('ip', ['link', 'add', BRIDGE2, 'type', 'bridge']);
  spawnSync('ip', ['addr', 'replace', '172.31.251.1/24', 'dev', BRIDGE2]);
  spawnSync('ip', ['link', 'set', BRIDGE2, 'up']);
  first = await startDockerd({ HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY, NO_PROXY: 'localhost,127.0.0.1' });
  dir2 = join(E2E, 'dockerd', 'activated');
  mkdirSync(dir2, { recursive: true });
  const sock = join(dir2, 'docker.sock');
  const args = dockerdArgs(dir2, sock).map((a) => (a === BRIDGE ? BRIDGE2 : a));
  const i = args.indexOf('--host');
  args.splice(i, 2, '-H', 'fd://');
  // The second daemon's proxy is written the way users get it wrong: an https:// scheme, a space-separated list.
  // systemd-socket-activate passes the daemon only what -E names (as a unit's Environment= would).
  const daemonEnv = [
    'PATH=/usr/sbin:/usr/bin:/sbin:/bin',
    `HTTPS_PROXY=https://${GW}:3128`,
    'NO_PROXY=localhost 127.0.0.1',
  ];
  second = spawn(
    'systemd-socket-activate',
    ['-l', sock, ...daemonEnv.flatMap((e) => ['-E', e]), '/usr/sbin/dockerd', ...args],
    { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, stdio: 'ignore' },
  );
  // The runner is the activator's pid, which becomes dockerd's when it execs: infra.sh down stops it by that.
  execFileSync('sh', ['-c', `echo ${second.pid} > ${join(E2E, 'run', 'dockerd-activated.pid')}`]);
  for (let n = 0; n < 200; n++) {
    // The first connection starts it (socket activation); `docker version` then waits for the API.
    if (
      spawnSync('/usr/bin/docker', ['-H', `unix://${sock}`, 'version'], { stdio: 'ignore', timeout: 3000 })
        .status === 0
    )
      return;
    await sleep(100);
  }
  throw new Error('the socket-activated dockerd did not come up');
}, 300_000);

afterAll(async () => {
  if (first) await stopDockerd(first);
  if (second && second.exitCode === null) {
    second.kill('SIGTERM');
    await Promise.race([new Promise((r) => second!.on('close', r)), sleep(10_000)]);
  }
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const m = line.split(' ')[1];
    if (dir2 && m?.startsWith(`${dir2}/`)) spawnSync('umount', [m]);
  }
  spawnSync('ip', ['link', 'del', BRIDGE2]);
  execFileSync(INFRA, ['down'], { stdio: 'inherit', env: { ...process.env, E2E } });
}, 120_000);

describe('two dockerds, one DOCKER_HOST', () => {
  it('DOCKER_HOST at the socket-activated daemon: its own findings, from its own process, tied by the socket', () => {
    const sock = join(dir2, 'docker.sock');
    const env = {
      DOCKER_HOST: `unix://${sock}`,
      HTTPS_PROXY: PROXY,
      HTTP_PROXY: PROXY,
      NO_PROXY: 'localhost',
    };
    const capture = join(dir2, 'capture.json');
    const r = buildproxy(['doctor', '--json', '--capture', capture], { env });
    const report = JSON.parse(r.stdout);
    const rules = report.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('https-proxy-scheme');
    expect(rules).toContain('no-proxy-syntax');
    expect(rules).not.toContain('builder-config-stale');
    const ev = JSON.parse(readFileSync(capture, 'utf8'));
    const d2 = ev.processes.find((p: { sockets?: string[] }) => p.sockets?.includes(sock));
    expect(d2.argv).toContain('fd://');
    expect(d2.env.HTTPS_PROXY).toBe(`https://${GW}:3128`);
    expect(JSON.stringify(report.findings)).toContain(`dockerd (pid ${d2.pid})`);
  });

  it("DOCKER_HOST at the first daemon: the second one's mistakes are not reported", () => {
    const env = {
      DOCKER_HOST: `unix://${first!.sock}`,
      HTTPS_PROXY: PROXY,
      HTTP_PROXY: PROXY,
      NO_PROXY: 'localhost',
    };
    const report = JSON.parse(buildproxy(['doctor', '--json'], { env }).stdout);
    const rules = report.findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('https-proxy-scheme');
    expect(rules).not.toContain('no-proxy-syntax');
    expect(rules).not.toContain('builder-config-stale');
    expect(report.actors.runtime.httpsProxy.value).toBe(PROXY);
  });
});
