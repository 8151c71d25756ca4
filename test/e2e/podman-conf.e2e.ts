// Differential: hostile containers.conf files through the real podman (Debian 12: 4.3.1) and through buildproxy's
// reader (deep nesting is left out: buildproxy refuses it as hostile, podman ignores an unknown deep key). Podman refuses a file (every command exits 1) exactly when buildproxy reports it malformed, and when
// podman accepts one, its [engine] env reaches the engine as buildproxy reads it. No network needed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseContainersConf } from '@buildproxy/core';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'bp-podman-conf-'));
afterAll(() => {
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n').reverse()) {
    const mnt = line.split(' ')[1];
    if (mnt?.startsWith(`${dir}/`)) spawnSync('umount', ['-l', mnt]);
  }
  rmSync(dir, { recursive: true, force: true });
});

const BASE = '[engine]\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n';
const FILES: [string, Buffer][] = [
  [
    'valid, engine env',
    Buffer.from(`${BASE}env = ["HTTPS_PROXY=http://u:p%40=x@proxy:3128", 'NO_PROXY=a\\b']\n`),
  ],
  ['entry without =', Buffer.from(`${BASE}env = ["NOEQUALS", "HTTP_PROXY=a=b"]\n`)],
  ['duplicate key', Buffer.from('[containers]\nhttp_proxy = false\nhttp_proxy = true\n')],
  ['redefined table', Buffer.from(`${BASE}[engine]\nenv = ["A=1"]\n`)],
  ['string for boolean', Buffer.from('[containers]\nhttp_proxy = "no"\n')],
  ['env not an array', Buffer.from(`${BASE}env = "HTTPS_PROXY=x"\n`)],
  ['non-UTF-8 in a value', Buffer.from(`${BASE}env = ["HTTPS_PROXY=http://pr\xffoxy:3128"]\n`, 'latin1')],
  ['non-UTF-8 in a comment', Buffer.from(`# \xff\n${BASE}`, 'latin1')],
  ['unterminated string', Buffer.from(`${BASE}env = ["HTTPS_PROXY=x]\n`)],
];

describe('containers.conf: real podman 4.3.1 vs parseContainersConf', () => {
  it.each(FILES)('%s', (name, bytes) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.conf`);
    writeFileSync(file, bytes);
    const store = mkdtempSync(join(dir, 'store-'));
    const podman = spawnSync(
      'podman',
      [
        '--root',
        join(store, 'root'),
        '--runroot',
        join(store, 'run'),
        'info',
        '--format',
        '{{json .Host.OCIRuntime.Name}}',
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', CONTAINERS_CONF: file, HOME: dir },
      },
    );
    const ours = parseContainersConf(file, bytes.toString('utf8'));
    expect(ours.ok, `${name}: podman exit ${podman.status}: ${podman.stderr}`).toBe(podman.status === 0);
    if (!ours.ok) {
      // podman names the same line ("toml: line N")
      const line = /toml: line (\d+)/.exec(podman.stderr)?.[1];
      if (line) expect(ours.error.line).toBe(Number(line));
      return;
    }
    for (const dropped of ours.conf.ignoredEnv)
      expect(podman.stderr).toContain(`invalid environment variable for engine ${dropped}`);
  });
});
