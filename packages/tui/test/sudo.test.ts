// Under real sudo (Debian's default sudoers: env_reset, use_pty), from a plain user with a temp home: the doctor
// analyses that user (their shell's variables read back from the sudo process, their ~/.docker, their docker
// commands run as them), says so, warns about the variables env_reset dropped, and reads nothing of the home
// that the user does not own (a symlink or a hard link to a root-owned canary). Needs root, sudo, setpriv and
// useradd; skipped, with the reason, elsewhere. The user and its sudoers drop-in are removed afterwards.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './helpers.js';

const root = process.getuid?.() === 0;
const tools = ['/usr/bin/sudo', '/usr/bin/setpriv', '/usr/sbin/useradd', '/usr/sbin/userdel'];
const missing = tools.filter((t) => !existsSync(t));
const why = !root
  ? 'needs root (to create a test user)'
  : missing.length
    ? `needs ${missing.join(', ')}`
    : '';

const name = `bpsudo${randomBytes(3).toString('hex')}`;
const sudoers = `/etc/sudoers.d/buildproxy-test-${name}`;
const CANARY = `canary-${randomBytes(6).toString('hex')}`;
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
let home = '';
let secretDir = '';
let uid = -1;
let gid = -1;

function sh(argv: string[]) {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The user runs `sudo [flags] node cli doctor …` from their home, with only the given environment. */
function asUserWithSudo(sudoFlags: string[], env: Record<string, string>, capture: string) {
  const cmd = [
    '/usr/bin/sudo',
    ...sudoFlags,
    process.execPath,
    CLI,
    'doctor',
    '--json',
    '--probes',
    'commands',
  ];
  const r = spawnSync(
    '/usr/bin/setpriv',
    [
      `--reuid=${uid}`,
      `--regid=${gid}`,
      '--clear-groups',
      '--',
      '/usr/bin/env',
      '-i',
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
      '/bin/sh',
      '-c',
      `cd "$HOME" && exec "$@" --capture ${capture} --timeout 4000`,
      'sh',
      ...cmd,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return r;
}

function userEnv(): Record<string, string> {
  return {
    HOME: home,
    PATH: `${home}/bin:/usr/bin:/bin`,
    HTTPS_PROXY: `http://alice:${PASSWORD}@proxy.corp:3128`,
    no_proxy: 'localhost,.corp',
    DOCKER_HOST: 'unix:///nonexistent/docker.sock',
  };
}

describe.skipIf(why !== '')(`the doctor under real sudo ${why ? `(skipped: ${why})` : ''}`, () => {
  beforeAll(() => {
    home = mkdtempSync('/tmp/buildproxy-sudo-home-');
    sh(['/usr/sbin/useradd', '-M', '-d', home, '-s', '/bin/sh', name]);
    uid = Number(sh(['id', '-u', name]).trim());
    gid = Number(sh(['id', '-g', name]).trim());
    writeFileSync(sudoers, `${name} ALL=(root) NOPASSWD: ALL\n`, { mode: 0o440, flag: 'wx' });
    // A root-owned secret the user can link to but must never see in a capture or a report.
    secretDir = mkdtempSync('/tmp/buildproxy-sudo-secret-');
    writeFileSync(join(secretDir, 'secret'), `{"proxies":{"default":{"httpProxy":"http://${CANARY}:1"}}}\n`, {
      mode: 0o600,
    });
    const dc = join(home, '.docker');
    mkdirSync(join(dc, 'buildx'), { recursive: true });
    mkdirSync(join(home, '.config/docker'), { recursive: true });
    mkdirSync(join(home, 'bin'));
    writeFileSync(
      join(dc, 'config.json'),
      '{"proxies":{"default":{"httpsProxy":"http://proxy.corp:3128","noProxy":"localhost"}}}\n',
    );
    symlinkSync(join(secretDir, 'secret'), join(dc, 'buildx/current'));
    linkSync(join(secretDir, 'secret'), join(home, '.config/docker/daemon.json'));
    // docker as the user sees it: records who ran it
    writeFileSync(
      join(home, 'bin/docker'),
      `#!/bin/sh\necho "$(id -u) $*" >> "$HOME/docker-calls"\necho "Cannot connect to the Docker daemon" >&2\nexit 1\n`,
      { mode: 0o755 },
    );
    for (const p of [
      home,
      dc,
      join(dc, 'buildx'),
      join(dc, 'config.json'),
      join(home, '.config'),
      join(home, '.config/docker'),
      join(home, 'bin'),
      join(home, 'bin/docker'),
    ])
      chownSync(p, uid, gid);
    spawnSync('chown', ['-h', `${uid}:${gid}`, join(dc, 'buildx/current')]);
    chmodSync(home, 0o700);
  });

  afterAll(() => {
    rmSync(sudoers, { force: true });
    spawnSync('/usr/sbin/userdel', [name]);
    if (home) rmSync(home, { recursive: true, force: true });
    if (secretDir) rmSync(secretDir, { recursive: true, force: true });
  });

  it("env_reset on: the user's variables are read back, the dropped ones named, their docker run as them", () => {
    const out = mkdtempSync('/tmp/buildproxy-sudo-out-');
    try {
      const r = asUserWithSudo([], userEnv(), join(out, 'ev.json'));
      expect(r.stderr).not.toMatch(/sudo:/);
      const report = JSON.parse(r.stdout);
      expect(report.analysedUser).toEqual({ name, via: 'sudo', env: 'recovered' });
      const f = report.findings.find((x: { rule: string }) => x.rule === 'sudo-env-reset');
      expect(f?.severity).toBe('warning');
      expect(f?.message).toContain('HTTPS_PROXY, no_proxy');
      expect(report.actors.client.httpsProxy.value).toContain('proxy.corp:3128');
      const ev = JSON.parse(readFileSync(join(out, 'ev.json'), 'utf8'));
      expect(ev.host).toMatchObject({ home, uid, sudo: { user: name, env: 'recovered' } });
      expect(ev.host.sudo.dropped).toEqual(['HTTPS_PROXY', 'no_proxy']);
      expect(ev.files[join(home, '.docker/config.json')]).toContain('proxy.corp:3128');
      // the symlink and the hard link to root's file: not read, reported as such
      expect(ev.unreadable).toEqual(
        expect.arrayContaining([
          join(home, '.docker/buildx/current'),
          join(home, '.config/docker/daemon.json'),
        ]),
      );
      for (const text of [r.stdout, readFileSync(join(out, 'ev.json'), 'utf8')]) {
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(PASSWORD);
      }
      // every docker command ran as the user, never as root
      const calls = readFileSync(join(home, 'docker-calls'), 'utf8').trim().split('\n');
      expect(calls.length).toBeGreaterThan(0);
      for (const c of calls) expect(c.split(' ')[0]).toBe(String(uid));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('sudo --preserve-env keeps the variables: nothing dropped, no warning, still the user analysed', () => {
    const out = mkdtempSync('/tmp/buildproxy-sudo-out-');
    try {
      const r = asUserWithSudo(['--preserve-env=HTTPS_PROXY,no_proxy'], userEnv(), join(out, 'ev.json'));
      const report = JSON.parse(r.stdout);
      expect(report.analysedUser).toEqual({ name, via: 'sudo', env: 'recovered' });
      expect(report.findings.map((x: { rule: string }) => x.rule)).not.toContain('sudo-env-reset');
      expect(JSON.parse(readFileSync(join(out, 'ev.json'), 'utf8')).host.sudo.dropped).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('SUDO_USER without a sudo process above (su, doas, a hardened /proc): the environment is unknown, and the fallback is named', () => {
    const out = mkdtempSync('/tmp/buildproxy-sudo-out-');
    try {
      const r = spawnSync(
        process.execPath,
        [
          CLI,
          'doctor',
          '--json',
          '--probes',
          'commands',
          '--timeout',
          '4000',
          '--capture',
          join(out, 'ev.json'),
        ],
        {
          encoding: 'utf8',
          cwd: home,
          env: {
            PATH: '/usr/bin:/bin',
            HOME: '/root',
            SUDO_USER: name,
            SUDO_UID: String(uid),
            SUDO_GID: String(gid),
          },
          timeout: 60_000,
        },
      );
      const report = JSON.parse(r.stdout);
      expect(report.analysedUser).toEqual({ name, via: 'sudo', env: 'unknown' });
      const f = report.findings.find((x: { rule: string }) => x.rule === 'sudo-env-reset');
      expect(f?.severity).toBe('info');
      expect(f?.message).toContain('sudo -E');
      expect(f?.message).toContain('--preserve-env=HTTP_PROXY,HTTPS_PROXY,NO_PROXY');
      // still the user's ~/.docker, not root's
      const ev = JSON.parse(readFileSync(join(out, 'ev.json'), 'utf8'));
      expect(ev.host.home).toBe(home);
      expect(ev.files[join(home, '.docker/config.json')]).toContain('proxy.corp:3128');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
