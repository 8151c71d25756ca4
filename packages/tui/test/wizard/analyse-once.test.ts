// One wizard session analyses each evidence once (issue #12, knot 6): detect analyses, and the report for each
// answer, the plan, the pasted error and --from's verify all take that analysis. Core's analyze, buildReport and
// makePlan are wrapped to count: a call of buildReport or makePlan without a state would analyse again inside.
import type * as Core from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ analyze: [] as unknown[], unanalysed: [] as string[] }));
vi.mock('@buildproxy/core', async (importOriginal) => {
  const core = await importOriginal<typeof Core>();
  return {
    ...core,
    analyze: (ev: Core.Evidence) => {
      calls.analyze.push(ev);
      return core.analyze(ev);
    },
    buildReport: (ev: Core.Evidence, input?: Core.ProfileInput, state?: Core.State) => {
      if (!state) calls.unanalysed.push('buildReport');
      return core.buildReport(ev, input, state);
    },
    makePlan: (
      ev: Core.Evidence,
      input: Core.ProfileInput,
      opts: Parameters<typeof core.makePlan>[2] = {},
    ) => {
      if (!opts.state) calls.unanalysed.push('makePlan');
      return core.makePlan(ev, input, opts);
    },
  };
});

const { liveEffects } = await import('../../src/wizard/effects.js');
const { runFlow } = await import('../../src/wizard/flow.js');
const { initialState, reducer } = await import('../../src/wizard/state.js');
const { makeStyle } = await import('../../src/render/style.js');

describe('the wizard analyses each evidence once', () => {
  it('the --yes flow and the reducer, from one capture', async () => {
    const evidence = synthesize(fixtures.variant(fixtures.GOOD_DOCKER, { removeFiles: [fixtures.DROP_IN] }));
    const effects = liveEffects({
      from: evidence,
      timeoutMs: 1000,
      outDir: '/nonexistent',
      planFile: '/nonexistent',
    });
    let out = '';
    const code = await runFlow({
      effects,
      given: { proxy: fixtures.PROXY, targets: ['docker-systemd'] },
      act: 'print',
      runCommands: false,
      io: {
        out: (s) => {
          out += s;
        },
        err: (s) => {
          out += s;
        },
        style: () => makeStyle(false),
        env: {},
        stdoutIsTTY: false,
        stdinIsTTY: false,
      },
      color: false,
    });
    expect(out).toContain('7. Verify');
    // the doctor's exit code: --from re-reads the same machine, so its error findings remain
    expect(code).toBe(1);

    // The screens: detect, the report on the found screen for two answers, a pasted error, the plan.
    const detected = await effects.detect(() => {});
    let s = reducer(initialState(), { type: 'detected', ...detected });
    effects.report(s.evidence!, s.answers, s.machine);
    s = reducer(s, { type: 'answer', patch: { noProxy: 'localhost,.corp' } });
    effects.report(s.evidence!, s.answers, s.machine);
    s = reducer(reducer(s, { type: 'next' }), { type: 'next' }); // found → network → paste
    s = reducer(s, {
      type: 'answer',
      patch: { errorText: 'failed to fetch oauth token: Post "https://auth.docker.io/token": i/o timeout' },
    });
    s = reducer(s, { type: 'next' }); // paste → review: reads the error with the detected machine
    expect(s.fromError).toEqual(['client-shell']);
    effects.plan(s.evidence!, s.answers, s.machine);

    expect(calls.analyze.filter((e) => e === evidence)).toHaveLength(1);
    expect(calls.analyze).toHaveLength(1);
    expect(calls.unanalysed).toEqual([]);
  });
});
