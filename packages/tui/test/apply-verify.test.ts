// apply's verify afterwards, with a fake runner and a fake capture: what it runs, what it prints and which exit code
// it gives. The real thing runs in the e2e namespace (test/e2e/network.e2e.ts).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan, VerifyReport } from '@buildproxy/core';
import type { RunVerifyOptions } from '@buildproxy/core/node';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { verifyAfterApply } from '../src/commands/apply-verify.js';
import { verifySettings } from '../src/commands/verify.js';
import type { Io } from '../src/io.js';
import { makeStyle } from '../src/render/style.js';
import { machineFrom, runCli } from './helpers.js';

const plan: Plan = { format: 'buildproxy.plan/v1', changes: [], commands: [], snippets: [] };
const input = {
  plan,
  noVerify: false,
  dryRun: false,
  root: undefined,
  ranCommands: true,
  applyFailed: false,
};

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const i: Io = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    style: () => makeStyle(false),
    env: {},
    stdoutIsTTY: false,
    stdinIsTTY: false,
  };
  return { i, out, err };
}

type Opts = RunVerifyOptions;

function fakeRun(status: 'ok' | 'failed' | 'timeout', seen: Opts[]) {
  return async (o: Opts): Promise<VerifyReport> => {
    seen.push(o);
    return {
      format: 'buildproxy.verify/v1',
      image: o.image.ref,
      url: o.url,
      builder: 'docker build',
      steps: o.steps.map((step, n) => ({
        step,
        actor:
          step === 'run' ? 'run' : step === 'builder' ? 'builder' : step === 'runtime' ? 'runtime' : 'client',
        status: n === 1 ? status : 'ok',
        what: `${step} of ${o.image.ref}`,
        durationMs: 5,
        detail:
          n === 1 && status !== 'ok'
            ? 'proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused'
            : 'fine',
        reading: null,
      })),
      cleanup: { removed: [], kept: [], failed: [] },
      ok: status === 'ok',
    };
  };
}

const capture = async () => synthesize(fixtures.GOOD_DOCKER);
const D = 'sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662';

describe('verifyAfterApply', () => {
  it('runs runtime, builder and run with the flags given, prints the report, 0 when they pass', async () => {
    const seen: Opts[] = [];
    const { i, out, err } = io();
    const values = { image: `registry.test:5000/base@${D}`, 'plain-http': true, 'step-timeout': '4000' };
    const code = await verifyAfterApply(input, verifySettings(values), values, i, {
      capture,
      run: fakeRun('ok', seen),
    });
    expect(code).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.steps).toEqual(['runtime', 'builder', 'run']);
    expect(seen[0]!.timeoutMs).toBe(4000);
    expect(seen[0]!.url).toBe('http://registry.test:5000/v2/');
    // the state verify reads is the fresh capture, not the plan
    expect(seen[0]!.state.docker.cli).toBe(true);
    expect(out.join('')).toMatch(/ok\s+runtime/);
    expect(err.join('')).toMatch(/client step needs a new shell/);
  });

  it.each(['failed', 'timeout'] as const)(
    'a step %s after a clean apply: exit 3, saying the plan was applied',
    async (status) => {
      const { i, out, err } = io();
      const code = await verifyAfterApply(input, verifySettings({}), {}, i, {
        capture,
        run: fakeRun(status, []),
      });
      expect(code).toBe(3);
      expect(out.join('')).toMatch(status === 'failed' ? /FAILED\s+builder/ : /timeout\s+builder/);
      expect(err.join('')).toMatch(/the plan was applied, but verify failed \(exit 3\)/);
    },
  );

  it('skipped: neither capture nor runner is called, the reason is said when it matters', async () => {
    const never = async () => {
      throw new Error('must not run');
    };
    for (const [over, said] of [
      [{ root: '/tmp/r' }, /under --root \/tmp\/r/],
      [
        {
          plan: {
            ...plan,
            commands: [
              {
                argv: ['update-ca-certificates'],
                why: '',
                needsRoot: true,
                disruptive: false,
                target: 'ca-trust' as const,
              },
            ],
          },
          ranCommands: false,
        },
        /did not run/,
      ],
      [{ noVerify: true }, null],
    ] as const) {
      const { i, err } = io();
      const code = await verifyAfterApply({ ...input, ...over }, verifySettings({}), {}, i, {
        capture: never,
        run: never,
      });
      expect(code).toBe(0);
      if (said) expect(err.join('')).toMatch(said);
      else expect(err.join('')).toBe('');
    }
  });
});

describe('buildproxy apply, then verify (the built CLI)', () => {
  const { GOOD_DOCKER, DROP_IN, PROXY, variant } = fixtures;
  async function planned() {
    const m = machineFrom(synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN] })));
    const f = join(m.dir, 'plan.json');
    const p = await runCli(['plan', '--root', m.root, '--proxy', PROXY, '-o', f], { m });
    expect(p.code, p.stderr).toBe(0);
    return { m, f };
  }

  it('under --root: written, verify skipped with the reason, exit 0', async () => {
    const { m, f } = await planned();
    const r = await runCli(['apply', f, '--root', m.root, '--yes', '--no-color'], { m });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(m.root, DROP_IN))).toBe(true);
    expect(r.stderr).toMatch(
      /verify skipped: the files were written under --root .*, which this machine's daemons do not read/,
    );
  });

  it('--no-verify: not a word about verify', async () => {
    const { m, f } = await planned();
    const r = await runCli(['apply', f, '--root', m.root, '--yes', '--no-verify', '--no-color'], { m });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/verify/);
  });

  it.each([
    [['--image', 'busybox:1.36'], /--image: .*no digest/s],
    [['--step-timeout', 'soon'], /--step-timeout "soon"/],
    [['--url', 'ftp://x/'], /--url must be http/],
    [['--timeout', '0'], /--timeout "0"/],
  ])('a bad verify flag %j is exit 2 before anything is written', async (flags, msg) => {
    const { m, f } = await planned();
    const r = await runCli(['apply', f, '--root', m.root, '--yes', ...flags], { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(existsSync(join(m.root, DROP_IN))).toBe(false);
  });

  it('--help says what verify runs, how to skip it and exit 3', async () => {
    const r = await runCli(['apply', '--help']);
    expect(r.stdout).toMatch(/--no-verify/);
    expect(r.stdout).toMatch(/3 everything was applied but verify failed/);
  });
});
