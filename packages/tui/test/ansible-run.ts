// Running Debian's ansible-core for real against a playbook buildproxy wrote, with everything Ansible keeps (its
// home, temp files) inside the test's own folder. Shared by the local test and the e2e second-host test.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

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
