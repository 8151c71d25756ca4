// Issue 18's "stops a user" defects, each driven through the real effects (liveEffects on synthesized machines):
// print mode's complete final block with masked secrets, the paste step's reading beside the evidence, no
// "No problems found" on an unconfigured machine, and preselected targets that fix what was found or pasted.
import { analyze, buildReport, makePlan, profileFromForm, readError } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/wizard/app.js';
import { liveEffects, targetsFor } from '../../src/wizard/effects.js';
import { finalBlock } from '../../src/wizard/final.js';
import { runFlow } from '../../src/wizard/flow.js';
import { PasteScreen } from '../../src/wizard/screens/paste.js';
import { headLines } from '../../src/wizard/screens/review.js';
import { EMPTY_ANSWERS, type WizardState } from '../../src/wizard/state.js';
import { press, tick, waitFor } from './ink-driver.js';

const CANARY = 'Zq9%40cXn4ry';
const PROXY = `http://alice:${CANARY}@proxy.corp.example:3128`;
/** Engine 26 with systemd and no proxy anywhere: the host of issue 18's first run. */
const UNCONFIGURED = synthesize({ home: fixtures.HOME, env: {}, docker: { engine: '26.1.5' } });
/** No docker at all, the shell exporting the proxy. */
const NO_DOCKER = synthesize({ home: fixtures.HOME, env: fixtures.shellEnv(), docker: false });
const effectsOn = (from: typeof UNCONFIGURED) =>
  liveEffects({ from, timeoutMs: 1000, outDir: '/nonexistent', planFile: '/nonexistent/p' });

// Real: moby/buildkit#2366 style "proxyconnect" refusal, as the builder prints it.
const PROXYCONNECT =
  'ERROR: failed to solve: alpine:3.20: failed to resolve source metadata for docker.io/library/alpine:3.20: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3.20": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused';

describe('print mode: the whole plan stays in the scrollback', () => {
  const state = analyze(UNCONFIGURED);
  const plan = makePlan(UNCONFIGURED, profileFromForm({ ...EMPTY_ANSWERS, proxy: PROXY }), {
    targets: ['docker-systemd', 'docker-cli-config', 'client-shell'],
    state,
  }).plan;
  const base = {
    ended: 'done' as const,
    plan,
    outcome: { choice: 'print' as const, ok: true, backups: [], lines: [] },
    commandsRun: false,
    buildCommand: '',
    planFile: 'p.json',
    outDir: 'out',
  };

  it('every file in full, the commands, a mask note, no password', () => {
    const text = finalBlock({ ...base, reveal: false });
    expect(plan.changes.length).toBeGreaterThanOrEqual(3);
    for (const c of plan.changes) {
      expect(text).toContain(`# ${c.path}`);
      // every line of every file, masked where the password stood
      for (const line of c.after.trimEnd().split('\n'))
        expect(text).toContain(line.replace(`:${CANARY}@`, ':***@'));
    }
    for (const c of plan.commands) expect(text).toContain(c.argv.join(' '));
    expect(text).not.toContain(CANARY);
    expect(text).toContain('put yours back where *** stands');
    expect(text).toContain('--reveal');
    // the shell step is honest: proxy.sh is to be saved first, it was never written
    expect(text).toMatch(/once ~\/\.config\/buildproxy\/proxy\.sh is saved/);
  });

  it('--reveal (a terminal, print mode) shows the password, and drops the note', () => {
    const text = finalBlock({ ...base, reveal: true });
    expect(text).toContain(CANARY);
    expect(text).not.toContain('put yours back');
  });

  it('--yes --act print: complete, masked when not on a terminal even with --reveal asked for', async () => {
    let out = '';
    const io = {
      out: (s: string) => {
        out += s;
      },
      err: (s: string) => {
        out += s;
      },
    };
    await runFlow({
      effects: effectsOn(UNCONFIGURED),
      given: { proxy: PROXY },
      act: 'print',
      runCommands: false,
      reveal: false, // entry.ts: --reveal without a terminal is refused
      io: io as never,
      color: false,
    });
    expect(out).toContain('# /etc/systemd/system/docker.service.d/http-proxy.conf');
    expect(out).toContain('HTTPS_PROXY="http://alice:***@proxy.corp.example:3128"');
    expect(out).toContain('put yours back where *** stands');
    expect(out).not.toContain(CANARY);
  });
});

describe('the paste step reads the error with the core reader and the evidence', () => {
  it('"proxyconnect … connection refused" is an unreachable proxy, not "no proxy"', async () => {
    const ev = synthesize(fixtures.GOOD_DOCKER);
    const machine = analyze(ev);
    const report = buildReport(ev, {}, machine).report;
    const { lastFrame } = render(
      <PasteScreen
        text={PROXYCONNECT}
        machine={machine}
        report={report}
        onChange={() => {}}
        onNext={() => {}}
        onBack={() => {}}
      />,
    );
    await tick();
    const f = lastFrame() ?? '';
    expect(f).toContain('The proxy was used and could not be reached');
    expect(f).not.toMatch(/no proxy setting fixes|went direct/);
    // beside the evidence: what the doctor found this requester to use
    expect(f).toMatch(/Detected for .*http:\/\/proxy\.corp\.example:3128/);
  });
});

describe('an unconfigured machine is not called healthy', () => {
  it('asks whether a proxy is needed; "no" ends with nothing written', async () => {
    let last: WizardState | null = null;
    const { lastFrame, stdin } = render(
      <App
        effects={effectsOn(UNCONFIGURED)}
        color={false}
        canWriteHere
        planFile="/nonexistent/p"
        outDir="/nonexistent"
        onState={(s) => {
          last = s;
        }}
      />,
    );
    const f = await waitFor(lastFrame, (x) => x.includes('What we found'));
    expect(f).not.toContain('No problems found');
    expect(f).toContain('No proxy is set anywhere');
    expect(f).toContain('Does your network need a proxy');
    await press(stdin, 'j', '\r');
    await tick();
    expect(last!.ended).toBe('no-proxy-needed');
    expect(finalBlock({ ...(last as never as object), ended: 'no-proxy-needed' } as never)).toContain(
      'No proxy needed: nothing written',
    );
  });

  it('--yes with no proxy anywhere: a clear error and exit 2, not "no problems found"', async () => {
    let out = '';
    const io = { out: (s: string) => (out += s), err: (s: string) => (out += s) };
    const code = await runFlow({
      effects: effectsOn(UNCONFIGURED),
      given: {},
      act: 'print',
      runCommands: false,
      io: io as never,
      color: false,
    });
    expect(code).toBe(2);
    expect(out).toContain('no proxy is set anywhere');
    expect(out).not.toContain('no problems found');
  });
});

describe('the default choices fix the findings', () => {
  it('a proxy typed on an unconfigured machine preselects dockerd, RUN steps and the shell, each with why', async () => {
    let last: WizardState | null = null;
    const { lastFrame, stdin } = render(
      <App
        effects={effectsOn(UNCONFIGURED)}
        color={false}
        canWriteHere
        planFile="/nonexistent/p"
        outDir="/nonexistent"
        onState={(s) => {
          last = s;
        }}
      />,
    );
    await waitFor(lastFrame, (x) => x.includes('Does your network need a proxy'));
    await press(stdin, '\r');
    await waitFor(lastFrame, (x) => x.includes('Your network'));
    await press(stdin, 'http://proxy.corp.example:3128');
    const f = await waitFor(lastFrame, (x) => x.includes('fixes run-proxy-missing'));
    expect([...last!.answers.targets].sort()).toEqual([
      'client-shell',
      'docker-cli-config',
      'docker-systemd',
    ]);
    expect(f).toMatch(/◉ RUN steps.*fixes run-proxy-missing/);
    expect(f).toMatch(/◉ your shell.*fixes client-token-proxy/);
    expect(f).toMatch(/◉ dockerd.*fixes builder-proxy-missing/);
  });

  it('the shell-only machine: the doctor findings pick their targets (not just dockerd)', () => {
    const ev = synthesize(
      fixtures.variant(fixtures.GOOD_DOCKER, {
        removeFiles: [fixtures.DROP_IN, fixtures.CONFIG_JSON],
        env: {},
      }),
    );
    const state = analyze(ev);
    const report = buildReport(ev, { proxy: fixtures.PROXY }, state).report;
    const { preselect, why } = targetsFor(state, report);
    expect(preselect).toEqual(['docker-systemd', 'docker-cli-config', 'client-shell']);
    expect(why['docker-cli-config']).toContain('run-proxy-missing');
    expect(why['client-shell']).toContain('client-token-proxy');
  });

  it('no daemon, a pasted builder error: the review names the rule it cannot fix as still open', () => {
    const state = analyze(NO_DOCKER);
    const report = buildReport(NO_DOCKER, {}, state).report;
    const { preselect } = targetsFor(state, report, PROXYCONNECT);
    const plan = makePlan(NO_DOCKER, {}, { targets: preselect.length ? preselect : undefined, state }).plan;
    const reading = readError(PROXYCONNECT, state);
    const lines = headLines(plan, {}, reading, [], state);
    expect(lines.join('\n')).toContain(`Still open from the error you pasted: ${reading.rules.join(', ')}`);
    // with dockerd, the same error is configured by its drop-in
    const docker = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
    const ds = analyze(docker);
    const dplan = makePlan(docker, {}, { targets: ['docker-systemd'], state: ds }).plan;
    expect(headLines(dplan, {}, readError(PROXYCONNECT, ds), [], ds).join('\n')).toContain(
      'The error you pasted',
    );
  });
});
