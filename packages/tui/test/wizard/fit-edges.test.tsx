// Three edges left from the last walk through the wizard: the proxy test's results in a window that fits the
// terminal (many findings used to push the frame past it), the review's "Cannot plan" and the paste step's error
// wrapped under a hanging indent, and the act screen's Save label naming --root when the wizard runs with it.
import { type Finding, findRule, makePlan, profileFromForm } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { withCommandText } from '../../src/evidence-source.js';
import { ActScreen } from '../../src/wizard/screens/act.js';
import { PasteScreen } from '../../src/wizard/screens/paste.js';
import { ProxyTestScreen } from '../../src/wizard/screens/proxy-test.js';
import { ReviewScreen } from '../../src/wizard/screens/review.js';
import { EMPTY_ANSWERS } from '../../src/wizard/state.js';
import { press, resize } from './ink-driver.js';

const KEY = { down: '\u001B[B', space: ' ' };
const SIZES = [
  [80, 24],
  [60, 20],
] as const;

const rowsOf = (frame: string | undefined) => (frame ?? '').split('\n');
const widest = (frame: string | undefined) => Math.max(...rowsOf(frame).map((r) => [...r].length));

/** Rows after `start` up to the first blank one: a wrapped paragraph. */
function paragraph(frame: string, start: string): string[] {
  const rows = rowsOf(frame);
  const at = rows.findIndex((l) => l.includes(start));
  expect(at).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((l, i) => i > at && (l.trim() === '' || !l.startsWith('  ')));
  return rows.slice(at, end < 0 ? undefined : end);
}

/** What the network rules say about a proxy that refuses every registry host: one finding per host. */
function manyFindings(): Finding[] {
  const hosts = [
    'registry-1.docker.io',
    'auth.docker.io',
    'production.cloudflare.docker.com',
    'ghcr.io',
    'pkg-containers.githubusercontent.com',
    'quay.io',
    'cdn01.quay.io',
    'gcr.io',
    'registry.k8s.io',
    'public.ecr.aws',
    'mcr.microsoft.com',
    'deb.debian.org',
  ];
  const rule = findRule('proxy-forbids-host')!;
  return hosts.map((h, i) => ({
    rule: rule.id,
    severity: rule.severity,
    actor: rule.actor,
    title: rule.title,
    message: `the proxy answered 403 Forbidden for CONNECT ${h}:443 (probe ${i + 1}); ask for it to be allowed, or add it to NO_PROXY if it is inside`,
    evidence: [],
  }));
}

describe('the proxy test’s results fit the terminal', () => {
  for (const [cols, rows] of SIZES) {
    for (const color of [false, true]) {
      it(`${cols}×${rows}${color ? '' : ', NO_COLOR'}: a window with its place, the title stays on screen`, async () => {
        const findings = manyFindings();
        const r = render(
          <ProxyTestScreen
            test={{ kind: 'done', id: 1, findings }}
            color={color}
            onNext={() => {}}
            onBack={() => {}}
          />,
        );
        await resize(r.stdout, cols, rows);
        const first = r.lastFrame()!;
        // shorter than the terminal: a frame as tall makes Ink clear the screen and the scrollback
        expect(rowsOf(first).length).toBeLessThan(rows);
        expect(widest(first)).toBeLessThanOrEqual(cols);
        expect(first.split('\n')[0]).toContain('buildproxy');
        expect(first).toContain('The proxy test');
        expect(first).toContain('registry-1.docker.io');
        expect(first).not.toContain('deb.debian.org');
        const total = Number(/lines 1–\d+ of (\d+)/.exec(first)?.[1]);
        expect(total).toBeGreaterThan(findings.length * 2); // the messages wrap at these widths
        // a message continues under its own indent (4), plus the hanging two
        const cont = rowsOf(first).find((l) => /^ {6}\S/.test(l));
        expect(cont).toBeDefined();
        // paging down reaches the last finding, the frame still inside the terminal
        for (let i = 0; i < 8; i++) await press(r.stdin, KEY.space);
        const last = r.lastFrame()!;
        expect(last).toContain('deb.debian.org');
        expect(last).toMatch(new RegExp(`lines \\d+–${total} of ${total}`));
        expect(rowsOf(last).length).toBeLessThan(rows);
        r.unmount();
      });
    }
  }

  it('a few findings are shown whole, with no scroll line', async () => {
    const r = render(
      <ProxyTestScreen
        test={{ kind: 'done', id: 1, findings: manyFindings().slice(0, 2) }}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    await resize(r.stdout, 80, 24);
    expect(r.lastFrame()).toContain('auth.docker.io');
    expect(r.lastFrame()).not.toMatch(/lines \d+–/);
    r.unmount();
  });

  it('a test that could not run wraps its reason under a hanging indent', async () => {
    const error = `connect ECONNREFUSED: nothing listens on proxy.build-network.corp.example:3128 (from ${'/etc/systemd/system/docker.service.d/http-proxy.conf'})`;
    const r = render(
      <ProxyTestScreen test={{ kind: 'failed', id: 1, error }} onNext={() => {}} onBack={() => {}} />,
    );
    await resize(r.stdout, 60, 20);
    const f = r.lastFrame()!;
    const p = paragraph(f, 'could not be tested');
    expect(p.length).toBeGreaterThan(1);
    for (const row of p.slice(1)) expect(row).toMatch(/^ {2}\S/);
    expect(widest(f)).toBeLessThanOrEqual(60);
    expect(f).toContain('/etc/systemd/system/docker.service.d/http-proxy.conf');
    r.unmount();
  });
});

describe('errors wrap under a hanging indent', () => {
  it('review: "Cannot plan" with makePlan’s own error, at 60 columns', async () => {
    let error = '';
    try {
      makePlan(
        synthesize(fixtures.GOOD_DOCKER),
        profileFromForm({
          ...EMPTY_ANSWERS,
          proxy: fixtures.PROXY,
          noProxy: '.io,.docker.com,.cloudflarestorage.com',
        }),
      );
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toMatch(/NO_PROXY list is unsafe/);
    const r = render(
      <ReviewScreen plan={null} error={error} color={false} onNext={() => {}} onBack={() => {}} />,
    );
    await resize(r.stdout, 60, 20);
    const p = paragraph(r.lastFrame()!, 'Cannot plan:');
    expect(p.length).toBeGreaterThan(2);
    for (const row of p.slice(1)) expect(row).toMatch(/^ {2}\S/);
    for (const row of p) expect([...row].length).toBeLessThanOrEqual(60);
    // every host whole on one row, and the paragraph reads back as the error
    expect(
      p
        .map((l) => l.trim())
        .join(' ')
        .replace(/^Cannot plan: /, ''),
    ).toBe(error);
    r.unmount();
  });

  it('paste: the build command’s error, read by the real command reader, at 60 columns', async () => {
    let error = '';
    try {
      await withCommandText(synthesize(fixtures.GOOD_DOCKER), 'make build', undefined);
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toMatch(/^--command: no build command found/);
    const r = render(
      <PasteScreen
        text=""
        command="make build"
        error={error}
        onChange={() => {}}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    await resize(r.stdout, 60, 20);
    const p = paragraph(r.lastFrame()!, '--command: no build command');
    expect(p.length).toBeGreaterThan(2);
    for (const row of p.slice(1)) expect(row).toMatch(/^ {2}\S/);
    for (const row of p) expect([...row].length).toBeLessThanOrEqual(60);
    expect(p.map((l) => l.trim()).join(' ')).toBe(error);
    r.unmount();
  });
});

describe('the Save label says the command that applies the plan', () => {
  const plan = makePlan(
    synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] })),
    profileFromForm({ ...EMPTY_ANSWERS, proxy: fixtures.PROXY }),
  ).plan;
  const screen = (root?: string) =>
    render(
      <ActScreen
        plan={plan}
        phase={{ kind: 'choose' }}
        canWriteHere
        planFile="/tmp/wiz/buildproxy-plan.json"
        root={root}
        outDir="/tmp/wiz/buildproxy-out"
        onChoose={() => {}}
        onConfirm={() => {}}
        onBack={() => {}}
      />,
    );
  const label = (frame: string) => {
    const rows = rowsOf(frame);
    const at = rows.findIndex((l) => l.includes('Save the plan'));
    const end = rows.findIndex((l, i) => i > at && l.includes('Write the files into'));
    return rows
      .slice(at, end)
      .map((l) => l.replace(/^[❯ ]\s*/, '').trim())
      .join(' ');
  };

  it('with --root: the apply command names it, quoted for the shell', () => {
    const r = screen("/tmp/wiz root/o'brien");
    expect(label(r.lastFrame()!)).toBe(
      `Save the plan for: sudo buildproxy apply /tmp/wiz/buildproxy-plan.json --root '/tmp/wiz root/o'\\''brien'`,
    );
    r.unmount();
  });

  it('without --root: no --root', () => {
    const r = screen();
    expect(label(r.lastFrame()!)).toBe(
      'Save the plan for: sudo buildproxy apply /tmp/wiz/buildproxy-plan.json',
    );
    r.unmount();
  });
});
