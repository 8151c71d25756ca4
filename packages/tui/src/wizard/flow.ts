// The wizard without a terminal (`buildproxy --proxy … --yes`): the same step list, walked through the same reducer
// as the Ink screens, each step answered by its flag instead of a key. Each step prints a plain text view.
import { ACTORS, exitCodeFor, markOf, readError, redactAll } from '@buildproxy/core';
import type { Io } from '../io.js';
import { renderPlan } from '../render/plan.js';
import { makeStyle } from '../render/style.js';
import { proxyError } from './answers.js';
import type { Effects } from './effects.js';
import { commandsDone, finalBlock } from './final.js';
import { foundOptions, foundOptionsLine } from './found-options.js';
import { runProxyTest } from './proxy-test.js';
import {
  type ActChoice,
  type Action,
  type Answers,
  initialState,
  reducer,
  STEP_TITLES,
  STEPS,
  type WizardState,
} from './state.js';

export async function runFlow(o: {
  effects: Effects;
  given: Partial<Answers>;
  act: ActChoice;
  runCommands: boolean;
  /** --network: test the proxy after the network step (a run without questions opens no connection unasked) */
  proxyTest?: boolean;
  /** print mode's final block with passwords: --reveal on a terminal (entry.ts checks) */
  reveal?: boolean;
  root?: string;
  planFile?: string;
  outDir?: string;
  io: Io;
  color: boolean;
}): Promise<number> {
  const { effects } = o;
  // Everything this flow prints passes the redactor: plans and commands carry the proxy credentials. Only print
  // mode's final block with --reveal on a terminal goes out as it is (o.io.out).
  const out = (t: string) => o.io.out(redactAll(t));
  const fail = (t: string) => {
    o.io.err(redactAll(t));
    return 2;
  };
  const st = makeStyle(o.color);
  let s: WizardState = initialState(o.given);
  const dispatch = (a: Action) => {
    s = reducer(s, a);
  };
  let shown: WizardState['step'] | null = null;
  while (!s.ended) {
    if (s.step !== shown) {
      out(st.bold(`${STEPS.indexOf(s.step) + 1}. ${STEP_TITLES[s.step]}\n`));
      shown = s.step;
    }
    switch (s.step) {
      case 'detect': {
        const r = await effects.detect((l) => {
          if (l.status !== 'running')
            out(`  ${l.status === 'ok' ? '✓' : l.status === 'timeout' ? '⏱' : '·'} ${l.label}\n`);
        });
        dispatch({ type: 'detected', ...r });
        break;
      }
      case 'found': {
        // An unconfigured machine is not a healthy one: say what is missing and how to give it.
        if (!s.answers.proxy && !s.answers.httpsProxy)
          return fail(
            'buildproxy: no proxy is set anywhere on this machine and none was given\nfix: pass --proxy URL\n',
          );
        const report = effects.report(s.evidence!, s.answers, s.machine);
        for (const f of report.findings) out(`  ${markOf(f.severity).glyph} ${f.rule}: ${f.message}\n`);
        if (report.findings.length === 0) out('  no problems found\n');
        const options = foundOptionsLine(foundOptions(report, s.answers, s.suggested));
        if (options) out(`  ${options}\n`);
        dispatch({ type: 'next' });
        break;
      }
      case 'network': {
        const problem =
          proxyError(s.answers.proxy, true) ??
          (s.answers.separateHttps ? proxyError(s.answers.httpsProxy, true) : null);
        if (problem) return fail(`buildproxy: --proxy: ${problem}\n`);
        if (s.answers.tlsInspect && s.answers.caCert) {
          const bad = await effects.checkCaFile(s.answers.caCert);
          if (bad) return fail(`buildproxy: --ca-cert: ${bad}\n`);
        }
        // No --target: the targets that fix what was found, each with why (the reducer keeps given ones).
        dispatch({
          type: 'preselect',
          ...effects.preselect(s.evidence!, s.answers, s.machine, s.targetChoices),
        });
        for (const t of s.answers.targets) out(`  selected ${t}: ${s.why[t] ?? ''}\n`);
        await proxyTest(o, s, dispatch, out);
        dispatch({ type: 'next' });
        break;
      }
      case 'paste': {
        if (s.answers.errorText) {
          const r = readError(s.answers.errorText, s.machine);
          out(
            r.recognised
              ? `  the error you gave: ${r.requester ?? 'unknown requester'}: ${r.title} (${r.rules.join(', ')})\n`
              : '  the error you gave: no known build-network failure in it\n',
          );
        }
        const before = s.answers.targets;
        dispatch({ type: 'next' });
        for (const t of s.answers.targets.filter((x) => !before.includes(x)))
          out(`  selected ${t}: ${s.why[t] ?? ''}\n`);
        break;
      }
      case 'review': {
        try {
          dispatch({ type: 'planned', plan: effects.plan(s.evidence!, s.answers, s.machine) });
        } catch (e) {
          return fail(`buildproxy: cannot plan: ${(e as Error).message}\n`);
        }
        out(renderPlan(s.plan!, st));
        dispatch({ type: 'next' });
        break;
      }
      case 'act': {
        dispatch({ type: 'working' });
        const outcome = await effects.act(o.act, s.plan!);
        for (const l of outcome.lines) out(`  ${l}\n`);
        if (o.runCommands && o.act === 'write' && outcome.ok && s.plan!.commands.length) {
          const lines = await effects.runCommands(s.plan!);
          for (const l of lines) out(`  ${l}\n`);
          dispatch({
            type: 'acted',
            outcome: { ...outcome, lines: [...outcome.lines, ...lines] },
            commandsRun: commandsDone(lines, s.plan!),
          });
        } else dispatch({ type: 'acted', outcome });
        break;
      }
      case 'verify': {
        const before = effects.report(s.evidence!, s.answers, s.machine);
        dispatch({ type: 'verified', report: await effects.verify(s.answers) });
        for (const a of ACTORS)
          out(`  ${a.padEnd(8)} ${before.actors[a].verdict} → ${s.after!.actors[a].verdict}\n`);
        dispatch({ type: 'next' });
        break;
      }
      case 'done':
        dispatch({ type: 'end', how: 'done' });
        break;
    }
  }
  const block = finalBlock({
    ended: 'done',
    plan: s.plan,
    outcome: s.outcome,
    commandsRun: s.commandsRun,
    buildCommand: s.answers.buildCommand,
    root: o.root,
    planFile: o.planFile ?? 'buildproxy-plan.json',
    outDir: o.outDir ?? 'buildproxy-out',
    reveal: o.reveal === true && o.act === 'print',
  });
  (o.reveal && o.act === 'print' ? o.io.out : out)(block);
  // The doctor's exit codes: 1 while an error finding remains, whatever was written.
  return s.outcome?.ok ? exitCodeFor(s.after?.findings ?? []) : 1;
}

/** The proxy test as the Ink flow runs it (runProxyTest, through the reducer), printed; only with --network. */
async function proxyTest(
  o: { effects: Effects; proxyTest?: boolean },
  s: WizardState,
  dispatch: (a: Action) => void,
  out: (t: string) => void,
): Promise<void> {
  if (!o.proxyTest) return out('  proxy test: not run (add --network to test the proxy first)\n');
  if (!o.effects.captureNetwork) return out(`  proxy test: ${o.effects.proxyTestOff ?? 'not available'}\n`);
  let result: WizardState['proxyTest'] = null;
  await runProxyTest(o.effects, s, (a) => {
    dispatch(a);
    if (a.type === 'proxy-test') result = a.test;
  });
  const t = result as WizardState['proxyTest'];
  if (t?.kind === 'failed') out(`  proxy test: could not run: ${t.error}\n`);
  else if (t?.kind === 'done' && !t.findings.length) out('  proxy test: the proxy answered every probe\n');
  else if (t?.kind === 'done')
    for (const f of t.findings) out(`  proxy test: ${markOf(f.severity).glyph} ${f.rule}: ${f.message}\n`);
  // the test's screen state is the Ink flow's; here the step goes on
  dispatch({ type: 'proxy-test', test: null });
}
