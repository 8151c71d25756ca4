// The wizard's own wrapping: rows never wider than the screen, a path never split inside a name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../src/wizard/components/scroll.js';
import { wrapRows } from '../../src/wizard/components/wrap.js';

const BACKUP =
  '/tmp/buildproxy-test-dut7kn/root/home/alice/.docker/config.json.buildproxy-20261129T141050Z.bak';

describe('wrapRows', () => {
  it('keeps a short line as it is', () => {
    expect(wrapRows('Write the 2 file(s) now', 60)).toEqual(['Write the 2 file(s) now']);
  });

  it('moves a path that fits a row of its own there whole, under the hanging indent', () => {
    const rows = wrapRows(
      'Save the plan for: sudo buildproxy apply /tmp/buildproxy-test-x/buildproxy-plan.json',
      60,
    );
    expect(rows).toEqual([
      'Save the plan for: sudo buildproxy apply',
      '  /tmp/buildproxy-test-x/buildproxy-plan.json',
    ]);
  });

  it('breaks a path longer than any row only after a "/"', () => {
    const line = `wrote      ${BACKUP}`;
    for (const width of [60, 80, 90]) {
      const rows = wrapRows(line, width, 11);
      for (const r of rows) expect([...r].length).toBeLessThanOrEqual(width);
      // every row but the last ends at a path separator or a word: joining without the indents gives the path back
      expect(rows.map((r, i) => (i ? r.trimStart() : r)).join('')).toBe(line);
      for (const r of rows.slice(0, -1)) expect(r).toMatch(/(\/|wrote)$/);
    }
  });

  it('breaks a NO_PROXY list after a comma', () => {
    const rows = wrapRows(
      `NO_PROXY=${Array.from({ length: 12 }, (_, i) => `host${i}.corp.example`).join(',')}`,
      60,
    );
    for (const r of rows.slice(0, -1)) expect(r.endsWith(',')).toBe(true);
  });

  it('does not start with an empty row when the line is indented', () => {
    const rows = wrapRows(`  ${'x'.repeat(30)} ${'y'.repeat(40)}`, 50);
    expect(rows[0]!.trim()).not.toBe('');
  });

  it('never exceeds the width, never loses a character (any text, any width)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '/', ',', 'é'), maxLength: 300 }),
        fc.integer({ min: 10, max: 120 }),
        (text, width) => {
          const rows = wrapRows(text, width);
          expect(rows.length).toBeGreaterThan(0);
          for (const r of rows) expect([...r].length).toBeLessThanOrEqual(width);
          // only spaces at the breaks are dropped
          expect(
            rows
              .map((r, i) => (i ? r.slice(2) : r))
              .join('')
              .replace(/ /g, ''),
          ).toBe(text.replace(/ /g, ''));
        },
      ),
    );
  });

  it("wrapLines keeps each row's diff tone", () => {
    const rows = wrapLines([`+NO_PROXY=${'a.example,'.repeat(10)}`], 40);
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.tone))).toEqual(new Set(['add']));
  });
});
