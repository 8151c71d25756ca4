// Each rule is said once in a plan's resolves: fixed (now / after the commands), still open, or partly with the
// actors on each side. A rule both "resolved" and "still open" was the bug of `plan --ca-cert` (issue 15).
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/analyze/types.js';
import { resolution } from '../../src/plan/resolution.js';
import type { Finding } from '../../src/rules/types.js';

const f = (
  rule: string,
  actor: Actor,
  message = `${rule} for ${actor}`,
  severity: Finding['severity'] = 'warning',
): Finding => ({
  rule,
  actor,
  message,
  severity,
  title: rule,
  evidence: [],
});

describe('resolution', () => {
  it('sorts whole rules into now, after the commands and still open', () => {
    const a = f('a', 'client');
    const b = f('b', 'runtime');
    const c = f('c', 'builder');
    // a fixed by the files, b only once the commands ran, c untouched
    const r = resolution([a, b, c], [b, c], [c]);
    expect(r).toEqual({ now: ['a'], afterCommands: ['b'], remaining: ['c'] });
  });

  it('a rule fixed for some actors and open for another is partly, and in no other list', () => {
    const host = f('tls-inspection-ca', 'runtime');
    const builder = f('tls-inspection-ca', 'builder');
    const run = f('tls-inspection-ca', 'run', 'RUN steps trust only the CAs inside the image', 'info');
    const r = resolution([host, builder, run], [host, run], [run]);
    expect(r.now).toEqual([]);
    expect(r.afterCommands).toEqual([]);
    expect(r.remaining).toEqual([]);
    expect(r.partly).toEqual([
      {
        rule: 'tls-inspection-ca',
        fixed: ['runtime', 'builder'],
        when: 'afterCommands',
        open: [{ actor: 'run', message: 'RUN steps trust only the CAs inside the image' }],
      },
    ]);
  });

  it('a rule fixed partly by the files and partly by the commands counts once, after the commands', () => {
    const r = resolution([f('x', 'client'), f('x', 'runtime')], [f('x', 'runtime')], []);
    expect(r).toEqual({ now: [], afterCommands: ['x'], remaining: [] });
  });

  it('a new warning the plan causes is open; a new info note is not', () => {
    const r = resolution([], [], [f('new', 'builder'), f('note', 'run', 'n', 'info')]);
    expect(r).toEqual({ now: [], afterCommands: [], remaining: ['new'] });
  });

  it('two findings of one actor, one fixed and one open: the actor is on both sides, the open one says why', () => {
    const one = f('builder-proxy-missing', 'builder', 'builder "a" has no proxy');
    const two = f('builder-proxy-missing', 'builder', 'builder "b" has no proxy');
    const r = resolution([one, two], [two], [two]);
    expect(r.partly).toEqual([
      {
        rule: 'builder-proxy-missing',
        fixed: ['builder'],
        when: 'now',
        open: [{ actor: 'builder', message: 'builder "b" has no proxy' }],
      },
    ]);
  });

  it('every rule lands in exactly one place', () => {
    const before = [f('a', 'client'), f('a', 'run'), f('b', 'runtime'), f('c', 'builder'), f('d', 'run')];
    const afterFiles = [f('a', 'run'), f('b', 'runtime'), f('c', 'builder')];
    const afterAll = [f('a', 'run'), f('c', 'builder'), f('e', 'client')];
    const r = resolution(before, afterFiles, afterAll);
    const all = [...r.now, ...r.afterCommands, ...r.remaining, ...(r.partly ?? []).map((p) => p.rule)];
    expect(all.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
