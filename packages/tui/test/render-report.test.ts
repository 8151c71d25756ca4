// The doctor's screen says one thing at a time: no "docker buildx build →" line without buildx, no "could not
// be inspected" under "no builder found", and never "No problems found" when nothing says a proxy is needed.
import { buildReport } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/render/report.js';
import { makeStyle } from '../src/render/style.js';

const plain = makeStyle(false);

describe('the doctor report', () => {
  it('without buildx it names only the builder docker build uses', () => {
    const { report } = buildReport(synthesize(fixtures.GOOD_DOCKER));
    const out = renderReport({ ...report, docker: { ...report.docker, buildx: null } }, plain);
    expect(out).toContain(', no buildx');
    expect(out).toContain('docker build → "default" (docker buildx build is not available)');
    expect(out).not.toContain('docker buildx build →');
  });

  it('"no builder found" is not followed by "could not be inspected"', () => {
    const { report } = buildReport(synthesize(fixtures.GOOD_DOCKER));
    const builder = {
      ...report.actors.builder,
      status: 'unknown' as const,
      label: 'no builder found',
      verdict: 'unknown' as const,
    };
    const out = renderReport({ ...report, actors: { ...report.actors, builder } }, plain);
    expect(out).toContain('no builder found');
    expect(out).not.toContain('could not be inspected');
  });

  it('a machine with no proxy anywhere and none given: a note, exit-0 severity, never "No problems found"', () => {
    const { report } = buildReport(
      synthesize({ home: fixtures.HOME, env: {}, files: {}, docker: { engine: '26.1.5' } }),
    );
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['proxy-unknown', 'info']]);
    const out = renderReport(report, plain);
    expect(out).not.toContain('No problems found');
    expect(out).toContain('buildproxy doctor --proxy http://HOST:PORT');
    expect(out).toContain('1 note');
  });

  it('the same machine checked against a given proxy: no note', () => {
    const { report } = buildReport(
      synthesize({ home: fixtures.HOME, env: {}, files: {}, docker: { engine: '26.1.5' } }),
      { proxy: 'http://proxy.corp.example:3128' },
    );
    expect(report.findings.some((f) => f.rule === 'proxy-unknown')).toBe(false);
  });
});
