// The fleet merge on its own: ordering (most machines first, errors before warnings on a tie), notes left out,
// newer actor names kept as columns, and every outside string capped, redacted and made terminal-safe.
import { describe, expect, it } from 'vitest';
import { FLEET_FORMAT, fleetExitCode, isSkip, mergeFleet, parseCapture } from '../src/entry-report.js';

type F = { rule: string; severity: string; actor: string; title: string };
const report = (findings: F[], actors: Record<string, string> = { client: 'ok', builder: 'ok' }) =>
  JSON.stringify({
    format: 'buildproxy.report/v1',
    findings,
    actors: Object.fromEntries(Object.entries(actors).map(([a, verdict]) => [a, { verdict, label: a }])),
    extra: 'a newer doctor field',
  });
const f = (rule: string, severity = 'error', actor = 'builder'): F => ({
  rule,
  severity,
  actor,
  title: rule,
});

describe('mergeFleet', () => {
  it('puts the most common failure first, errors before warnings on a tie, and leaves notes out', () => {
    const fleet = mergeFleet([
      parseCapture('a', report([f('w1', 'warning'), f('e1'), f('n1', 'info')])),
      parseCapture('b', report([f('w1', 'warning'), f('e2')])),
      parseCapture('c', report([f('w1', 'warning'), f('e2'), f('e2')])),
    ]);
    expect(fleet.format).toBe(FLEET_FORMAT);
    expect(fleet.failures.map((x) => [x.rule, x.machines])).toEqual([
      ['w1', ['a', 'b', 'c']],
      ['e2', ['b', 'c']],
      ['e1', ['a']],
    ]);
    expect(fleet.machines.map((m) => [m.name, m.errors, m.warnings])).toEqual([
      ['a', 1, 1],
      ['b', 1, 1],
      ['c', 2, 1],
    ]);
    expect(fleetExitCode(fleet)).toBe(1);
    expect(JSON.stringify(fleet)).not.toContain('n1');
  });

  it('orders the actor columns as the doctor does, and keeps an actor it does not know', () => {
    const fleet = mergeFleet([
      parseCapture('a', report([], { run: 'ok', podman: 'maybe', client: 'warning' })),
    ]);
    expect(fleet.actors).toEqual(['client', 'run', 'podman']);
    expect(fleet.machines[0]!.actors).toEqual({ run: 'ok', podman: 'unknown', client: 'warning' });
    expect(fleetExitCode(fleet)).toBe(0);
  });

  it('names what is wrong with a file that is not a report', () => {
    for (const [text, want] of [
      ['{', /not JSON/],
      ['[]', /not a buildproxy\.report\/v1 report/],
      [
        JSON.stringify({ format: 'buildproxy.report/v1', findings: [{ rule: 1 }], actors: {} }),
        /at findings\.0\.rule/,
      ],
    ] as const) {
      const p = parseCapture('m', text);
      expect(isSkip(p)).toBe(true);
      expect(isSkip(p) && p.problem).toMatch(want);
    }
  });

  it('caps, redacts and escapes outside text', () => {
    const p = parseCapture(
      `m\x1b[2J\u202e${'x'.repeat(500)}`,
      report([f('http://bob:s3cr3t@proxy:3128\x9b31m', 'error', 'builder\x07')]),
    );
    const fleet = mergeFleet([p]);
    const text = JSON.stringify(fleet);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(fleet.machines[0]!.name).toContain('\\x1b[2J\\u202e');
    expect(fleet.machines[0]!.name.length).toBeLessThan(260);
  });
});
