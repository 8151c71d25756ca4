// Running Debian's ansible-core for real against a playbook buildproxy wrote, with everything Ansible keeps (its
// home, temp files) inside the test's own folder. Shared by the local test and the e2e second-host test: the plan
// both run (made on a machine whose own daemon.json holds a key no host may receive), and their inventories.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, synthesize } from '@buildproxy/core/testing';

/** The planning machine's daemon.json: its "log-driver" must not arrive on any host. */
export const PLANNED_ON_DAEMON_JSON = '{\n  "log-driver": "journald"\n}\n';

/** Writes the bundle of the machine the playbook is planned on; returns its path. */
export function writePlannedOn(dir: string): string {
  const bundle = join(dir, 'planned-on.json');
  const planned = fixtures.variant(fixtures.GOOD_DOCKER, {
    removeFiles: [fixtures.DROP_IN],
    files: { '/etc/docker/daemon.json': PLANNED_ON_DAEMON_JSON },
  });
  writeFileSync(bundle, JSON.stringify(synthesize(planned)));
  return bundle;
}

/** `buildproxy plan --format ansible` for the drop-in and daemon.json (and any more targets) into `out`. */
export function ansiblePlanArgs(bundle: string, proxy: string, out: string, more: string[] = []): string[] {
  return [
    'plan',
    '--from',
    bundle,
    '--proxy',
    proxy,
    '--no-proxy',
    'localhost,.corp.example',
    ...['docker-systemd', 'docker-daemon-json', ...more].flatMap((t) => ['--target', t]),
    '--format',
    'ansible',
    '-o',
    out,
  ];
}

export interface InventoryHost {
  name: string;
  /** where this host's files live (buildproxy_root) */
  root: string;
  /** how Ansible reaches it; none: this machine (ansible_connection=local) */
  vars?: Record<string, string>;
}

/** An INI inventory of one group, a line per host, each with its own root; values with spaces single-quoted. */
export function writeInventory(path: string, group: string, hosts: InventoryHost[]): string {
  const value = (v: string) => (/\s/.test(v) ? `'${v}'` : v);
  const lines = hosts.map((h) =>
    [h.name, ...Object.entries({ ...(h.vars ?? { ansible_connection: 'local' }), buildproxy_root: h.root })]
      .map((e) => (typeof e === 'string' ? e : `${e[0]}=${value(e[1])}`))
      .join(' '),
  );
  writeFileSync(path, `${[`[${group}]`, ...lines].join('\n')}\n`);
  return path;
}

export interface PlaybookRun {
  status: number | null;
  out: string;
  /** the PLAY RECAP counts per host */
  recap: Map<string, { ok: number; changed: number; failed: number; unreachable: number }>;
}

export function ansibleAvailable(): boolean {
  return spawnSync('ansible-playbook', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function runPlaybook(work: string, playbook: string, args: string[]): PlaybookRun {
  const home = join(work, 'ansible-home');
  mkdirSync(home, { recursive: true });
  const r = spawnSync('ansible-playbook', [playbook, ...args], {
    encoding: 'utf8',
    timeout: 300_000,
    env: {
      ...process.env,
      ANSIBLE_HOME: home,
      ANSIBLE_LOCAL_TEMP: join(home, 'tmp'),
      ANSIBLE_REMOTE_TEMP: join(home, 'remote-tmp'),
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_FORCE_COLOR: '0',
      ANSIBLE_RETRY_FILES_ENABLED: 'false',
      ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3',
      ANSIBLE_HOST_KEY_CHECKING: 'false',
      ANSIBLE_STDOUT_CALLBACK: 'default',
    },
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const recap = new Map<string, { ok: number; changed: number; failed: number; unreachable: number }>();
  for (const m of out.matchAll(/^(\S+)\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/gm))
    recap.set(m[1]!, { ok: +m[2]!, changed: +m[3]!, unreachable: +m[4]!, failed: +m[5]! });
  return { status: r.status, out, recap };
}
