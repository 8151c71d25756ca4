// When apply runs verify afterwards, and when it says why it does not (issue 15).
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { type AfterApplyInput, afterApply } from '../../src/verify/after-apply.js';

const plan = (commands = 0): Plan => ({
  format: 'buildproxy.plan/v1',
  changes: [],
  commands: Array.from({ length: commands }, () => ({
    argv: ['systemctl', 'restart', 'docker'],
    why: 'w',
    needsRoot: true,
    disruptive: true,
    target: 'docker-systemd' as const,
  })),
  snippets: [],
});
const base: AfterApplyInput = {
  plan: plan(1),
  noVerify: false,
  dryRun: false,
  root: undefined,
  ranCommands: true,
  applyFailed: false,
};

describe('afterApply', () => {
  it('runs runtime, builder and run once the files are written and the commands ran', () => {
    const d = afterApply(base);
    expect(d).toMatchObject({ run: true, steps: ['runtime', 'builder', 'run'] });
    // the client step is named as needing a new shell, not silently dropped
    expect(d.run && d.note).toMatch(/buildproxy verify --step client/);
  });

  it('a plan without commands needs none to have run', () => {
    expect(afterApply({ ...base, plan: plan(0), ranCommands: false }).run).toBe(true);
    expect(afterApply({ ...base, plan: plan(0), root: '/' }).run).toBe(true);
  });

  it.each<[string, Partial<AfterApplyInput>, RegExp, boolean]>([
    ['--no-verify', { noVerify: true }, /--no-verify/, false],
    ['--dry-run', { dryRun: true }, /nothing was written/, false],
    ['a refused file', { applyFailed: true }, /apply did not complete/, true],
    ['--root', { root: '/tmp/x' }, /under --root \/tmp\/x/, true],
    ['commands not run', { ranCommands: false }, /1 command\(s\) did not run.*--run-commands/, true],
  ])('%s: skipped, saying why', (_n, over, why, say) => {
    const d = afterApply({ ...base, ...over });
    expect(d.run).toBe(false);
    if (!d.run) {
      expect(d.why).toMatch(why);
      expect(d.say).toBe(say);
    }
  });

  it('--no-verify wins over everything else', () => {
    const d = afterApply({ ...base, noVerify: true, applyFailed: true, root: '/x' });
    expect(d).toMatchObject({ run: false, say: false });
  });
});
