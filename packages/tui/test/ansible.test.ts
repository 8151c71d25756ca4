// `buildproxy plan --format ansible`, run for real with Debian's ansible-core against localhost (-c local) with
// every path under a temp root: the check run shows the diff and writes nothing, the run merges daemon.json
// keeping the host's own keys (not the planning machine's), copies the drop-ins with their modes, creates
// ~/.docker/config.json owned by the home's owner, and a second run changes nothing. Hostile daemon.json files
// (duplicate key, malformed, a symlink) are refused and left as they were. scripts/ensure-tools.sh installs
// ansible-core.
import { spawnSync } from 'node:child_process';
import {
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ansibleAvailable,
  ansiblePlanArgs,
  runPlaybook,
  writeInventory,
  writePlannedOn,
} from './ansible-run.js';
import { isRoot, runCli } from './helpers.js';

const PASSWORD = 's3cr%t{{x}}';
const PROXY = `http://bob:${encodeURIComponent(PASSWORD)}@proxy.corp.example:3128`;
const DAEMON_JSON = '/etc/docker/daemon.json';
const DROP_DIR = '/etc/systemd/system/docker.service.d';
// This host's own daemon.json: its keys (and its 4-space indent) must survive; the planning machine's
// "log-driver" must not arrive.
const HOST_DAEMON =
  '{\n    "data-root": "/srv/docker",\n    "debug": true,\n    "proxies": {\n        "no-proxy": "old"\n    }\n}\n';

// a uid with no passwd entry (checked below); the unit suite runs as root (CI), a plain user can only give its own
const HOME_UID = isRoot ? 54321 : process.getuid!();

let work: string;
let dir: string;

beforeAll(async () => {
  if (!ansibleAvailable())
    throw new Error('ansible-playbook is missing: bash scripts/ensure-tools.sh installs it');
  if (isRoot)
    expect(spawnSync('getent', ['passwd', String(HOME_UID)]).status, 'a uid with a name').not.toBe(0);
  work = mkdtempSync(join(tmpdir(), 'buildproxy-ansible-'));
  dir = join(work, 'playbook');
  const r = await runCli(ansiblePlanArgs(writePlannedOn(work), PROXY, dir, ['docker-cli-config']));
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('2 file(s) copied, 2 JSON file(s) merged');
  expect(r.stdout + r.stderr).not.toContain('s3cr');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function hostRoot(name: string, daemonJson: string | null): string {
  const root = join(work, name);
  mkdirSync(join(root, 'etc/docker'), { recursive: true });
  if (daemonJson !== null) writeFileSync(join(root, DAEMON_JSON), daemonJson);
  return root;
}
/** The playbook run against this machine, as "localhost", with its files under `root`. */
const play = (root: string, ...args: string[]) =>
  runPlaybook(work, join(dir, 'playbook.yml'), [
    '-i',
    writeInventory(`${root}.ini`, 'local', [{ name: 'localhost', root }]),
    ...args,
  ]);

describe('plan --format ansible, applied by ansible-playbook -c local', () => {
  it('writes a private folder, and refuses an existing one', async () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['playbook.yml', 'library/buildproxy_json.py', 'files/01-http-proxy.env'])
      expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const again = await runCli([
      'plan',
      '--from',
      join(work, 'planned-on.json'),
      '--proxy',
      PROXY,
      '--format',
      'ansible',
      '-o',
      dir,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('it exists');
    const noDir = await runCli([
      'plan',
      '--from',
      join(work, 'planned-on.json'),
      '--proxy',
      PROXY,
      '--format',
      'ansible',
    ]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('-o DIR');
  });

  it('check mode shows the diff first and writes nothing', () => {
    const root = hostRoot('check', HOST_DAEMON);
    const r = play(root, '--check', '--diff');
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`--- before: ${root}${DAEMON_JSON}`);
    expect(r.out).toMatch(/\+\s+"http-proxy": "http:\/\/bob:\*\*\*@proxy\.corp\.example:3128"/);
    expect(r.out).not.toContain('s3cr');
    expect(readFileSync(join(root, DAEMON_JSON), 'utf8')).toBe(HOST_DAEMON);
    expect(() => lstatSync(join(root, DROP_DIR))).toThrow();
    expect(readdirSync(join(root, 'etc/docker'))).toEqual(['daemon.json']);
  });

  it('merges daemon.json keeping the host’s keys, copies the drop-ins, and a second run changes nothing', () => {
    const root = hostRoot('apply', HOST_DAEMON);
    // alice's home on this host belongs to another user, one with no name in passwd (an LDAP account, a removed
    // one): what is created in it must still be hers, by number
    const home = join(root, 'home/alice');
    mkdirSync(home, { recursive: true });
    chownSync(home, HOME_UID, HOME_UID);
    const r = play(root);
    expect(r.status, r.out).toBe(0);
    expect(r.recap.get('localhost')).toMatchObject({ failed: 0 });
    expect(r.recap.get('localhost')!.changed).toBeGreaterThanOrEqual(3);
    expect(r.out).not.toContain('s3cr');
    const text = readFileSync(join(root, DAEMON_JSON), 'utf8');
    const merged = JSON.parse(text);
    expect(merged).toEqual({
      'data-root': '/srv/docker',
      debug: true,
      proxies: {
        'no-proxy': 'localhost,127.0.0.1,::1,.corp.example',
        'http-proxy': PROXY,
        'https-proxy': PROXY,
      },
    });
    expect(text).toContain('\n    "data-root"'); // the host's indent
    // the old file kept as a backup, beside it
    const backups = readdirSync(join(root, 'etc/docker')).filter(
      (f) => f.startsWith('daemon.json.') && f.endsWith('~'),
    );
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(root, 'etc/docker', backups[0]!), 'utf8')).toBe(HOST_DAEMON);
    const env = join(root, DROP_DIR, 'http-proxy.env');
    expect(statSync(env).mode & 0o777).toBe(0o600);
    expect(readFileSync(env, 'utf8')).toBe(readFileSync(join(dir, 'files/01-http-proxy.env'), 'utf8'));
    expect(readFileSync(env, 'utf8')).toContain(PROXY);
    expect(statSync(join(root, DROP_DIR, 'http-proxy.conf')).mode & 0o777).toBe(0o644);
    const config = join(home, '.docker/config.json');
    for (const p of [join(home, '.docker'), config])
      expect([statSync(p).uid, statSync(p).gid], p).toEqual([HOME_UID, HOME_UID]);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(config, 'utf8')).proxies.default.httpsProxy).toBe(PROXY);
    // no systemd here (and a test root): the restart handlers are skipped, not failed
    expect(r.out).toMatch(/RUNNING HANDLER \[buildproxy daemon-reload\][\s\S]*skipping: \[localhost\]/);
    const second = play(root);
    expect(second.status, second.out).toBe(0);
    expect(second.recap.get('localhost')).toMatchObject({ changed: 0, failed: 0 });
    expect(readFileSync(join(root, DAEMON_JSON), 'utf8')).toBe(text);
  });

  it('refuses a duplicate-key, malformed or linked daemon.json and leaves it as it was', () => {
    const cases: [string, string | null, RegExp][] = [
      ['dup', '{"proxies": {"http-proxy": "a"}, "proxies": {}}\n', /\\?"proxies\\?" is given twice/],
      ['deepdup', '{"proxies": {"no-proxy": "a", "no-proxy": "b"}}\n', /\\?"no-proxy\\?" is given twice/],
      ['malformed', '{"debug": true,}\n', /line 1 column 16/],
      ['notutf8', '{"debug": "\xff"}\n', /not UTF-8/],
      ['nanvalue', '{"debug": NaN}\n', /NaN is not JSON/],
      ['array', '[]\n', /top-level value is not an object/],
      ['wrongtype', '{"proxies": "http://p:3128"}\n', /\\?"proxies\\?" is not an object/],
    ];
    // One run, one local host per file (each with its own root), all in one batch.
    const roots = new Map<string, { root: string; bytes: Buffer }>();
    for (const [name, text] of cases) {
      const root = hostRoot(name, null);
      const bytes = Buffer.from(text!, name === 'notutf8' ? 'latin1' : 'utf8');
      writeFileSync(join(root, DAEMON_JSON), bytes);
      roots.set(name, { root, bytes });
    }
    const linkRoot = hostRoot('link', null);
    const secret = join(work, 'not-daemon.json');
    writeFileSync(secret, '{"mine": 1}\n');
    symlinkSync(secret, join(linkRoot, DAEMON_JSON));
    const inventory = writeInventory(join(work, 'hostile.ini'), 'hostile', [
      ...[...roots].map(([name, { root }]) => ({ name, root })),
      { name: 'link', root: linkRoot },
    ]);
    const r = runPlaybook(work, join(dir, 'playbook.yml'), ['-i', inventory, '-e', 'buildproxy_serial=100%']);
    expect(r.status).not.toBe(0);
    const fatal = (host: string) => r.out.split('\n').find((l) => l.startsWith(`fatal: [${host}]`)) ?? '';
    for (const [name, , why] of cases) {
      expect(r.recap.get(name), name).toMatchObject({ failed: 1, changed: 0 });
      expect(fatal(name), name).toMatch(why);
      expect(fatal(name)).toContain('buildproxy never rewrites a file it cannot edit safely');
      const { root, bytes } = roots.get(name)!;
      expect(readFileSync(join(root, DAEMON_JSON)).equals(bytes), name).toBe(true);
      // refused before anything was written on that host: no backup, no drop-in
      expect(readdirSync(join(root, 'etc/docker')), name).toEqual(['daemon.json']);
      expect(() => lstatSync(join(root, DROP_DIR)), name).toThrow();
    }
    expect(fatal('link')).toContain('it is a symbolic link');
    expect(readFileSync(secret, 'utf8')).toBe('{"mine": 1}\n');
    expect(lstatSync(join(linkRoot, DAEMON_JSON)).isSymbolicLink()).toBe(true);
    expect(() => lstatSync(join(linkRoot, DROP_DIR))).toThrow();
  });

  it('the module is valid Python that Ansible documents', () => {
    const r = spawnSync('python3', ['-m', 'py_compile', join(dir, 'library/buildproxy_json.py')], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
  });
});
