// What a real dockerd prints for the daemon.json proxy mistakes `why` reads (issue 14). No public thread quotes
// these rejections, so the vocabulary's examples for 'daemon-json-unknown' and 'daemon-flag-conflict' are this
// output, recorded once; here both dockerds run again and must still print it. Each runs in a private mount
// namespace with a temporary directory over /etc/docker, so the message names the default path and the host's
// /etc/docker is never touched; the config is rejected before dockerd opens a socket or writes anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAUSES, readError } from '@buildproxy/core';
import { afterAll, describe, expect, it } from 'vitest';

const DOCKERD_20 = '/usr/sbin/dockerd'; // Debian 12's docker.io 20.10 (run.sh provision)
const DOCKERD_26 = `${process.env.E2E_CACHE ?? '/var/cache/buildproxy-e2e'}/trixie-root/usr/sbin/dockerd`;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** dockerd's stderr, run with `daemonJson` as /etc/docker/daemon.json in its own mount namespace. */
function dockerd(binary: string, daemonJson: object, args: string[]): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bp-daemon-json-'));
  dirs.push(dir);
  const etc = join(dir, 'etc');
  spawnSync('mkdir', ['-m', '0700', etc]);
  writeFileSync(join(etc, 'daemon.json'), `${JSON.stringify(daemonJson, null, 2)}\n`, { mode: 0o600 });
  // Private state paths too, in case a dockerd ever got past its configuration.
  const own = [
    '--data-root',
    join(dir, 'root'),
    '--exec-root',
    join(dir, 'exec'),
    '--pidfile',
    join(dir, 'pid'),
  ];
  const r = spawnSync(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      'mount --bind "$0" /etc/docker && exec timeout 20 "$@"',
      etc,
      binary,
      ...args,
      ...own,
      '-H',
      `unix://${join(dir, 'sock')}`,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}`.trim() };
}

const PROXIES = {
  'http-proxy': 'http://proxy.example.com:3128',
  'https-proxy': 'http://proxy.example.com:3128',
  'no-proxy': 'localhost,127.0.0.1',
};

/** dockerd lists unknown keys in Go map order: compare the message with its key list sorted. */
function sortedKeys(message: string): string {
  const head = "the following directives don't match any configuration option: ";
  const at = message.indexOf(head);
  if (at < 0) return message;
  const keys = message
    .slice(at + head.length)
    .split('\n', 1)[0]!
    .split(', ');
  return `${message.slice(0, at + head.length)}${keys.sort().join(', ')}`;
}

describe('daemon.json proxy mistakes, as a real dockerd reports them', () => {
  it('dockerd 20.10 does not know "proxies" at all: the example of daemon-json-unknown', () => {
    const r = dockerd(DOCKERD_20, { proxies: PROXIES }, []);
    expect(r.status).toBe(1);
    expect(sortedKeys(r.out)).toBe(sortedKeys(CAUSES['daemon-json-unknown'].example));
    expect(readError(r.out)).toMatchObject({ cause: 'daemon-json-unknown', actor: 'runtime' });
  });

  it('dockerd 26 rejects config.json\'s spelling inside "proxies" (httpProxy, …): read as daemon-json-unknown', () => {
    const r = dockerd(
      DOCKERD_26,
      {
        proxies: {
          httpProxy: 'http://proxy.example.com:3128',
          httpsProxy: 'http://proxy.example.com:3128',
          noProxy: 'localhost,127.0.0.1',
        },
      },
      ['--validate'],
    );
    expect(r.status).toBe(1);
    expect(sortedKeys(r.out)).toBe(
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: httpProxy, httpsProxy, noProxy",
    );
    expect(readError(r.out).cause).toBe('daemon-json-unknown');
  });

  it('dockerd 26 with --http-proxy and daemon.json "proxies": the example of daemon-flag-conflict', () => {
    const r = dockerd(DOCKERD_26, { proxies: { 'http-proxy': PROXIES['http-proxy'] } }, [
      '--validate',
      '--http-proxy',
      'http://127.0.0.1:3128',
    ]);
    expect(r.status).toBe(1);
    expect(r.out).toBe(CAUSES['daemon-flag-conflict'].example);
    expect(readError(r.out)).toMatchObject({ cause: 'daemon-flag-conflict', actor: 'runtime' });
  });

  it('dockerd 26 accepts the same "proxies" alone (the rejections above are the mistakes, not the feature)', () => {
    const r = dockerd(DOCKERD_26, { proxies: PROXIES }, ['--validate']);
    expect(r).toEqual({ status: 0, out: 'configuration OK' });
  });
});
