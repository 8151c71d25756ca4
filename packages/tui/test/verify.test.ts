// `buildproxy verify` through the built CLI: bad input is exit 2 with the fix; a wedged docker cannot hold it.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Machine, makeMachine, runCli } from './helpers.js';

const D = 'sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662';
let m: Machine | null = null;
afterEach(() => {
  if (m) rmSync(m.dir, { recursive: true, force: true });
  m = null;
});

describe('buildproxy verify', () => {
  it('--help names every step', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    for (const w of ['client', 'runtime', 'builder', 'run', '--image', '--url', '--step-timeout'])
      expect(r.stdout).toContain(w);
  });

  it.each([
    [['--image', 'busybox:1.36'], /no digest.*never moves a tag/s],
    [['--image', 'busybox@sha256:1234'], /not a sha256 digest/],
    [['--step', 'client,push'], /"push" is not one of client, runtime, builder, run/],
    [['--url', 'ftp://example.com/'], /http:\/\/ or https:\/\//],
    [['--url', 'http://bob:hunter2@[::1'], /is not a URL/],
    [['--step-timeout', '0'], /--step-timeout/],
  ])('%j: exit 2 naming the problem and the fix', async (args, msg) => {
    const r = await runCli(['verify', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).not.toContain('hunter2');
  });

  it('a docker that never answers: every step stops at its timeout, exit 1, the report says so', async () => {
    m = makeMachine();
    writeFileSync(join(m.bin, 'docker'), '#!/bin/sh\nexec /bin/sleep 1000\n');
    chmodSync(join(m.bin, 'docker'), 0o755);
    const r = await runCli(
      [
        'verify',
        '--step',
        'runtime,builder',
        '--timeout',
        '300',
        '--step-timeout',
        '500',
        '--image',
        `registry.test:5000/base@${D}`,
        '--json',
      ],
      { m, env: { PATH: `${m.bin}:/bin:/usr/bin`, TMPDIR: m.dir }, timeoutMs: 120_000 },
    );
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe('buildproxy.verify/v1');
    expect(j.steps.map((s: { status: string }) => s.status)).toEqual(['timeout', 'timeout']);
  });
});
