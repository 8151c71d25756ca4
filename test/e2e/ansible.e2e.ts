// Issue 21: the playbook of `buildproxy plan --format ansible`, run by Debian's ansible-core against two hosts at
// once: this e2e machine (-c local) and a second host, an sshd in a network namespace of its own reached over a
// veth pair, so Ansible really connects, copies its module over SSH and gathers that host's facts. Each host keeps
// its files under its own root (buildproxy_root) and has its own daemon.json keys, which must survive; the
// planning machine's must not arrive. --check --diff changes nothing; the run converges; a second run reports
// changed=0 on both. The merged daemon.json is then accepted by a real dockerd 26 (`dockerd --validate`).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ansibleAvailable,
  ansiblePlanArgs,
  runPlaybook,
  writeInventory,
  writePlannedOn,
} from '../../packages/tui/test/ansible-run.js';
import { buildproxy, E2E, sleep } from './harness.js';

const DOCKERD_26 = `${process.env.E2E_CACHE ?? '/var/cache/buildproxy-e2e'}/trixie-root/usr/sbin/dockerd`;
const WORK = join(E2E, 'ansible');
const HOST2_IP = '172.31.252.2';
const VETH = ['bpfleet0', 'bpfleet1'] as const;
const PROXY = 'http://bob:p%40ss%7B%7Bw@proxy.corp.example:3128';
const DAEMON_JSON = '/etc/docker/daemon.json';
const HOSTS = {
  local: { root: join(WORK, 'root-local'), own: { 'data-root': '/srv/docker', 'log-level': 'warn' } },
  second: {
    root: join(WORK, 'root-second'),
    own: { 'live-restore': true, 'default-address-pools': [{ base: '10.213.0.0/16', size: 24 }] },
  },
};
let sshd: ChildProcess | null = null;

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port, timeout: 1000 });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
    s.on('timeout', () => done(false));
  });
}

beforeAll(async () => {
  if (!ansibleAvailable())
    throw new Error('ansible-playbook is missing: test/e2e/run.sh provision installs it');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true, mode: 0o700 });
  // The second host: its own network namespace (unshare --net), joined to ours by a veth pair, running sshd with
  // a host key and an authorized key made here.
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(WORK, 'id')]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(WORK, 'host_key')]);
  writeFileSync(join(WORK, 'authorized_keys'), readFileSync(join(WORK, 'id.pub')), { mode: 0o600 });
  const conf = join(WORK, 'sshd_config');
  writeFileSync(
    conf,
    [
      `ListenAddress ${HOST2_IP}:22`,
      `HostKey ${join(WORK, 'host_key')}`,
      `AuthorizedKeysFile ${join(WORK, 'authorized_keys')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'PidFile none',
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  spawnSync('ip', ['link', 'del', VETH[0]]);
  execFileSync('ip', ['link', 'add', VETH[0], 'type', 'veth', 'peer', 'name', VETH[1]]);
  execFileSync('ip', ['addr', 'add', '172.31.252.1/30', 'dev', VETH[0]]);
  execFileSync('ip', ['link', 'set', VETH[0], 'up']);
  sshd = spawn(
    'unshare',
    [
      '--net',
      '--',
      'sh',
      '-c',
      `i=0; while ! ip link show ${VETH[1]} >/dev/null 2>&1; do i=$((i+1)); [ $i -gt 200 ] && exit 3; sleep 0.05; done
       ip link set lo up && ip addr add ${HOST2_IP}/30 dev ${VETH[1]} && ip link set ${VETH[1]} up && exec /usr/sbin/sshd -D -e -f ${conf}`,
    ],
    { stdio: 'ignore' },
  );
  await sleep(100);
  execFileSync('ip', ['link', 'set', VETH[1], 'netns', String(sshd.pid)]);
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    up = await canConnect(HOST2_IP, 22);
    if (!up) await sleep(100);
  }
  if (!up) throw new Error('the second host’s sshd did not come up');
  for (const h of Object.values(HOSTS)) {
    mkdirSync(join(h.root, 'etc/docker'), { recursive: true });
    writeFileSync(join(h.root, DAEMON_JSON), `${JSON.stringify(h.own, null, 2)}\n`);
  }
  writeInventory(join(WORK, 'inventory.ini'), 'fleet', [
    { name: 'local', root: HOSTS.local.root },
    {
      name: 'second',
      root: HOSTS.second.root,
      vars: {
        ansible_host: HOST2_IP,
        ansible_user: 'root',
        ansible_ssh_private_key_file: join(WORK, 'id'),
        // no ControlPersist master left running after the test
        ansible_ssh_args: '-o ControlMaster=no',
        ansible_ssh_common_args: '-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null',
      },
    },
  ]);
  // The plan, made once on a machine whose own daemon.json holds a key no host may receive.
  const r = buildproxy(ansiblePlanArgs(writePlannedOn(WORK), PROXY, join(WORK, 'playbook')));
  expect(r.code, r.stderr).toBe(0);
}, 180_000);

/** The processes in the second host's network namespace: its sshd and any session it forked. */
function inSecondHost(): number[] {
  if (!sshd?.pid) return [];
  let ns: string;
  try {
    ns = readlinkSync(`/proc/${sshd.pid}/ns/net`);
  } catch {
    return [];
  }
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readlinkSync(`/proc/${p}/ns/net`) === ns;
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(async () => {
  // a session sshd outlives the listener; every process in that private namespace is this test's own
  for (const pid of inSecondHost()) process.kill(pid, 'SIGTERM');
  spawnSync('ip', ['link', 'del', VETH[0]]);
  rmSync(WORK, { recursive: true, force: true });
});

const play = (...args: string[]) =>
  runPlaybook(WORK, join(WORK, 'playbook', 'playbook.yml'), ['-i', join(WORK, 'inventory.ini'), ...args]);

describe('ansible: the e2e machine and a second host over SSH', () => {
  it('--check --diff shows both hosts’ diffs and changes nothing', () => {
    const r = play('--check', '--diff');
    expect(r.status, r.out).toBe(0);
    for (const [name, h] of Object.entries(HOSTS)) {
      expect(r.recap.get(name), r.out).toMatchObject({ failed: 0, unreachable: 0 });
      expect(r.out).toContain(`--- before: ${h.root}${DAEMON_JSON}`);
      expect(JSON.parse(readFileSync(join(h.root, DAEMON_JSON), 'utf8'))).toEqual(h.own);
    }
    expect(r.out).not.toContain('p%40ss');
  });

  it('applies on both, keeps each host’s own keys, and a second run changes nothing', () => {
    const r = play();
    expect(r.status, r.out).toBe(0);
    for (const [name, h] of Object.entries(HOSTS)) {
      expect(r.recap.get(name)!.changed, r.out).toBeGreaterThanOrEqual(3);
      const merged = JSON.parse(readFileSync(join(h.root, DAEMON_JSON), 'utf8'));
      expect(merged).toMatchObject(h.own);
      expect(merged['log-driver']).toBeUndefined();
      expect(merged.proxies).toEqual({
        'http-proxy': PROXY,
        'https-proxy': PROXY,
        'no-proxy': 'localhost,127.0.0.1,::1,.corp.example',
      });
      expect(
        readFileSync(join(h.root, '/etc/systemd/system/docker.service.d/http-proxy.env'), 'utf8'),
      ).toContain(`HTTPS_PROXY="${PROXY}"`);
    }
    // the facts came from each host: the second one over SSH
    expect(r.out).toMatch(/ok: \[second\]/);
    const again = play();
    expect(again.status, again.out).toBe(0);
    for (const name of Object.keys(HOSTS))
      expect(again.recap.get(name), again.out).toMatchObject({ changed: 0, failed: 0, unreachable: 0 });
  });

  it('a real dockerd 26 accepts each merged daemon.json', () => {
    for (const h of Object.values(HOSTS)) {
      const v = spawnSync(DOCKERD_26, ['--validate', '--config-file', join(h.root, DAEMON_JSON)], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(v.status, `${v.stdout}${v.stderr}`).toBe(0);
      expect(`${v.stdout}${v.stderr}`).toContain('configuration OK');
    }
  });
});
