// Edges found walking the built wizard in tmux (80×24 and 60×20, NO_COLOR, a --root tree) as a first-time user:
// the unconfigured machine's actor labels wrapped to column 0; the paste step cut a pasted error with "…", wrapped
// its reading to column 0 and grew past a 60×20 terminal; the review said "nothing chosen here configures the
// build client" beside a selected client target for an error no target can fix; the doctor to run again left out
// --root.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  buildReport,
  examplesOf,
  makePlan,
  profileFromForm,
  RULES,
  readError,
} from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { finalBlock } from '../../src/wizard/final.js';
import { DoneScreen } from '../../src/wizard/screens/done.js';
import { Explanation, FoundScreen, itemsThatFit, reflow } from '../../src/wizard/screens/found.js';
import { PasteScreen } from '../../src/wizard/screens/paste.js';
import { headLines } from '../../src/wizard/screens/review.js';
import { EMPTY_ANSWERS } from '../../src/wizard/state.js';
import { resize } from './ink-driver.js';

const SIZES = [
  [80, 24],
  [60, 20],
] as const;
const rowsOf = (frame: string | undefined) => (frame ?? '').split('\n');

/** A real quote from the error corpus, by its source (Rancher Desktop: nerdctl through a dead loopback proxy). */
const RANCHER_1151 = (
  JSON.parse(readFileSync(join(__dirname, '../../../core/test/fixtures/errors/corpus.json'), 'utf8')) as {
    source: string;
    text: string;
  }[]
).find((q) => q.source === 'https://github.com/rancher-sandbox/rancher-desktop/issues/1151')!.text;

const bad = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
const state = analyze(bad);
const report = buildReport(bad, {}, state).report;

describe('the unconfigured machine’s first screen', () => {
  for (const [cols, rows] of SIZES) {
    it(`${cols}×${rows}: a long actor label continues under itself, the frame fits`, async () => {
      const r = render(
        <FoundScreen report={report} proxyKnown={false} onExplain={() => {}} onNext={() => {}} />,
      );
      await resize(r.stdout, cols, rows);
      const f = r.lastFrame()!;
      expect(rowsOf(f).length).toBeLessThan(rows);
      for (const row of rowsOf(f)) expect([...row].length).toBeLessThanOrEqual(cols);
      // every row is either a heading, an actor row ("  ? run"), or indented: nothing restarts at column 0 mid-text
      const at = rowsOf(f).findIndex((l) => l.startsWith('  ? run '));
      expect(at).toBeGreaterThan(0);
      const next = rowsOf(f)[at + 1]!;
      if (!next.startsWith('That is fine')) expect(next).toMatch(/^ {13}\S/);
      expect(f.replace(/\n +/g, ' ')).toContain(
        'RUN steps (build args, from ~/.docker/config.json proxies): no proxy',
      );
      expect(f).not.toMatch(/\n(proxy|directly\.)$/m);
      r.unmount();
    });
  }
});

describe('the findings screen of a --root tree without proc', () => {
  // notCaptured as the capture records it (core/test/daemons/root-proc.test.ts): the daemons were not seen
  const tree = { ...bad, notCaptured: [{ part: 'processes' as const, missing: '/proc' }] };
  const rep = buildReport(tree, {}, analyze(tree)).report;

  for (const [cols, rows] of SIZES) {
    it(`${cols}×${rows}: says what was not captured, and the frame fits`, async () => {
      const r = render(<FoundScreen report={rep} proxyKnown onExplain={() => {}} onNext={() => {}} />);
      await resize(r.stdout, cols, rows);
      const f = r.lastFrame()!;
      expect(rowsOf(f).length).toBeLessThan(rows);
      expect(f.replace(/\n/g, ' ').replace(/ +/g, ' ')).toContain('Not captured: the running daemons');
      expect(f).toContain('the --root tree has no');
      r.unmount();
    });
  }
});

describe('the paste step with a long real error', () => {
  const reading = readError(RANCHER_1151, state);

  it('the corpus quote is read as a proxy that did not answer', () => {
    expect(reading.recognised).toBe(true);
    expect(reading.cause).toBe('proxy-unreachable');
  });

  for (const [cols, rows] of SIZES) {
    it(`${cols}×${rows}: the error's end shows wrapped in the box, the reading fits under a hanging indent`, async () => {
      const r = render(
        <PasteScreen
          text={RANCHER_1151}
          machine={state}
          report={report}
          onChange={() => {}}
          onNext={() => {}}
          onBack={() => {}}
        />,
      );
      await resize(r.stdout, cols, rows);
      const f = r.lastFrame()!;
      const lines = rowsOf(f);
      expect(lines.length).toBeLessThan(rows);
      expect(lines[0]).toContain('buildproxy');
      for (const row of lines) expect([...row].length).toBeLessThanOrEqual(cols);
      // the box shows the error's last rows, wrapped, not one row cut with "…"
      expect(f).toContain('connection refused');
      expect(f).not.toMatch(/│[^│\n]*… │/);
      // the reading: its first row at column 0, every continuation under the two-column indent
      const at = lines.findIndex(
        (l) => l.includes(`${reading.requester}:`) || l.startsWith(`${reading.requester}`),
      );
      expect(at).toBeGreaterThan(0);
      const end = lines.findIndex((l, i) => i > at && l.trim() === '');
      // each of the reading's lines starts at column 0 (the explanation, the detected proxy, the hidden-rows note)
      const starts = [reading.explanation.slice(0, 12), 'Detected for', '…'];
      for (const row of lines.slice(at + 1, end)) {
        if (starts.some((t) => row.startsWith(t))) continue;
        expect(row, row).toMatch(/^ {2}\S/);
      }
      r.unmount();
    });
  }
});

describe('the review on an error no target fixes', () => {
  it('says so, and names the rule to read, instead of "nothing chosen here configures"', () => {
    const plan = makePlan(bad, profileFromForm({ ...EMPTY_ANSWERS, proxy: fixtures.PROXY }), {
      targets: ['docker-systemd', 'client-shell'],
      state,
    }).plan;
    const reading = readError(RANCHER_1151, state);
    const text = headLines(plan, {}, reading, [], state).join('\n');
    expect(text).toContain('Still open from the error you pasted: proxy-unreachable');
    expect(text).toContain('no target fixes this by itself; read: buildproxy explain proxy-unreachable');
    expect(text).not.toContain('nothing chosen here configures');
  });
});

describe('the doctor to run again reads the same tree', () => {
  const plan = makePlan(bad, profileFromForm({ ...EMPTY_ANSWERS, proxy: fixtures.PROXY }), {
    targets: ['docker-cli-config'],
    state,
  }).plan;
  const outcome = { choice: 'write' as const, ok: true, backups: [], lines: [], written: ['/x'] };

  it('the final block: --root DIR, quoted', () => {
    const out = (root?: string) =>
      finalBlock({
        ended: 'done',
        plan: { ...plan, commands: [] },
        outcome,
        commandsRun: false,
        buildCommand: '',
        root,
        planFile: '/p.json',
        outDir: '/o',
        reveal: false,
      });
    expect(out('/srv/staged tree')).toContain(
      "Check again any time with: buildproxy doctor --root '/srv/staged tree'",
    );
    expect(out()).toMatch(/Check again any time with: buildproxy doctor\n/);
  });

  it('the Done screen', () => {
    const r = render(
      <DoneScreen
        outcome={outcome}
        after={null}
        plan={{ ...plan, commands: [] }}
        root="/srv/staged"
        onExit={() => {}}
      />,
    );
    expect(r.lastFrame()).toContain('Check again any time with: buildproxy doctor --root /srv/staged');
    r.unmount();
  });
});

describe('the explain view reflows a rule text’s paragraphs', () => {
  it('joins a paragraph’s source lines; blank lines, code and list items stay', () => {
    expect(
      reflow(['Why it happens', '', 'one two', 'three', '', '    code', '    more', '- a', 'b']),
    ).toEqual(['Why it happens', '', 'one two three', '', '    code', '    more', '- a', 'b']);
  });

  for (const [cols, rows] of SIZES)
    it(`${cols}×${rows}: no ragged row inside a paragraph (a row ends only where the next word would not fit)`, async () => {
      const r = render(<Explanation rule="build-args-only" color={false} onBack={() => {}} />);
      await resize(r.stdout, cols, rows);
      const lines = rowsOf(r.lastFrame());
      expect(lines.length).toBeLessThan(rows);
      let checked = 0;
      for (let i = 0; i + 1 < lines.length; i++) {
        const [a, b] = [lines[i]!, lines[i + 1]!];
        // one paragraph is one run of rows: a prose row at column 0 right under another row of text is a source
        // line break left in ("… the proxies section" / "  of" / "~/.docker/config.json …")
        if (a.trim() && /^ {0,2}\S/.test(a) && /^[^\s\-*•]/.test(b) && !/^lines \d/.test(b))
          throw new Error(`a paragraph broken at a source line:\n${a}\n${b}`);
        // a wrapped prose row: followed by its continuation under the two-column indent
        if (!a.trim() || /^\s/.test(a) || !/^ {2}\S/.test(b)) continue;
        const next = b.trim().split(' ')[0]!;
        expect(`${a} ${next}`.length, `${a} | ${b}`).toBeGreaterThan(cols);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
      r.unmount();
    });
});

describe('the findings list fits the terminal on every rule’s example machine', () => {
  it('itemsThatFit counts the tallest items', () => {
    expect(itemsThatFit([1, 2, 2, 1], 4)).toBe(2);
    expect(itemsThatFit([1, 1, 1], 9)).toBe(3);
    expect(itemsThatFit([5], 3)).toBe(1);
  });

  // At 60×20 the walk's machine listed three findings whose titles wrap: counted as three rows, they pushed the
  // frame to 21 rows (the title scrolled off, and Ink cleared the screen and the scrollback on the next key).
  for (const [cols, rows] of SIZES)
    it(`${cols}×${rows}: each bad example's findings, with the options line and the proxy-test note`, async () => {
      let checked = 0;
      for (const rule of RULES) {
        const ex = examplesOf(rule);
        if (!ex) continue;
        const ev = synthesize(ex.bad.machine);
        const rep = buildReport(ev, ex.bad.profile ?? {}).report;
        if (rep.findings.length < 2) continue;
        const r = render(
          <FoundScreen
            report={rep}
            options="Found network options: HTTP_PROXY, HTTPS_PROXY http://proxy.corp.example:3128 (your shell) · NO_PROXY localhost,127.0.0.1,.corp.example (your shell)"
            proxyTestOff="off under --root (a staged tree); --network turns it on"
            onExplain={() => {}}
            onNext={() => {}}
          />,
        );
        await resize(r.stdout, cols, rows);
        const f = r.lastFrame()!;
        expect(rowsOf(f).length, `${rule.id}:\n${f}`).toBeLessThan(rows);
        expect(rowsOf(f)[0]).toContain('buildproxy · step');
        for (const row of rowsOf(f)) expect([...row].length, `${rule.id}: ${row}`).toBeLessThanOrEqual(cols);
        r.unmount();
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
    }, 120_000);
});
