// The wizard's side effects, in one place and injectable: probing, planning, writing, verifying.
// Views never call these; the app does, and dispatches the results into the reducer.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  analyze,
  buildReport,
  type Evidence,
  formFromProfile,
  isTarget,
  makePlan,
  type NetworkEvidence,
  type Plan,
  profileFromForm,
  type Report,
  type State,
  type Target,
  type TargetChoice,
} from '@buildproxy/core';
import { applyPlan, captureEvidence, writePrivateFile } from '@buildproxy/core/node';
import { commandAddr, withCommandText } from '../evidence-source.js';
import { changeLines, commandLines } from '../render/apply.js';
import { makeStyle } from '../render/style.js';
import { preselectAmong, targetsFor } from './answers.js';
import { applyCommand } from './final.js';
import { liveProxyProbe, offerSuggestion, proxyTestOff } from './proxy-test.js';
import type { ActChoice, ActOutcome, Answers, ProbeLine, Reasons, Suggestion, WizardState } from './state.js';

// The wizard's screens colour by themselves: the lines it shows are plain.
const PLAIN = makeStyle(false);

export interface WizardOptions {
  root?: string;
  timeoutMs: number;
  probes?: 'auto' | 'commands';
  dockerfile?: string;
  from?: Evidence;
  outDir: string;
  planFile: string;
  /** --command: the build command, applied to every capture */
  command?: string;
  /** --network: test the proxy even under --root (never with --from: entry.ts refuses it) */
  network?: boolean;
}

export interface Effects {
  /** capture, and analyse the evidence once: `machine` is handed back to plan and report */
  detect(onProbe: (l: ProbeLine) => void): Promise<{
    evidence: Evidence;
    machine: State;
    report: Report;
    answers: Answers;
    targetChoices: WizardState['targetChoices'];
    why?: Reasons;
    /** the machine's stated proxy (core's suggestedProxy) when it is the proxy answer, with its source */
    suggested?: Suggestion | null;
  }>;
  /** doctor --network's probes for these answers (each bounded by its timeout); absent: no proxy test */
  captureNetwork?(evidence: Evidence, answers: Answers): Promise<NetworkEvidence>;
  /** why there is no proxy test (proxyTestOff), said on the first screen */
  proxyTestOff?: string | null;
  /** the targets to preselect for these answers (the findings of the proxy the user means) and why each */
  preselect(
    evidence: Evidence,
    answers: Answers,
    machine: State | null,
    choices: TargetChoice[],
  ): { targets: Target[]; why: Reasons };
  plan(evidence: Evidence, answers: Answers, machine?: State | null): Plan;
  /** the doctor's report for these answers (the intended proxy changes what counts as missing) */
  report(evidence: Evidence, answers: Answers, machine?: State | null): Report;
  act(choice: ActChoice, plan: Plan): Promise<ActOutcome>;
  runCommands(plan: Plan): Promise<string[]>;
  verify(answers: Answers): Promise<Report>;
  checkCaFile(path: string): Promise<string | null>;
  /**
   * The evidence with this build command (compose files read), and the targets that machine now offers and would
   * preselect; throws an Error naming what is wrong with the command.
   */
  command(
    evidence: Evidence,
    text: string,
  ): Promise<{
    evidence: Evidence;
    machine: State;
    targetChoices: WizardState['targetChoices'];
    targets: Target[];
    why?: Reasons;
  }>;
}

export function probeLabel(argv: readonly string[]): string {
  return argv
    .filter((a) => !a.startsWith('--format') && !a.startsWith('{{') && !a.startsWith('--property'))
    .join(' ');
}

// where the targets offered and preselected are worked out (stops.test imports it from here)
export { targetsFor } from './answers.js';

export function liveEffects(opts: WizardOptions): Effects {
  // --command rides on every capture (detect and verify), as on doctor.
  const capture = async (onProbe?: (l: ProbeLine) => void) => {
    const ev = await machine(onProbe);
    return opts.command ? withCommandText(ev, opts.command, opts.root) : ev;
  };
  const machine = async (onProbe?: (l: ProbeLine) => void) => {
    if (opts.from) return opts.from;
    const started = new Map<string, number>();
    return captureEvidence({
      // a staged --root tree is its own machine: its daemons are its proc/'s, never this host's (core's rule)
      root: opts.root,
      timeoutMs: opts.timeoutMs,
      probes: opts.probes,
      dockerfile: opts.dockerfile,
      buildkitAddr: commandAddr(opts.command),
      onProbeStart: (argv) => {
        started.set(argv.join(' '), Date.now());
        onProbe?.({ label: probeLabel(argv), status: 'running' });
      },
      onProbe: (argv, r) =>
        onProbe?.({
          label: probeLabel(argv),
          status: r.timedOut ? 'timeout' : r.exitCode === 0 ? 'ok' : 'failed',
          ms: Date.now() - (started.get(argv.join(' ')) ?? Date.now()),
        }),
    });
  };
  // Each evidence is analysed once: the plan, the report for each answer and --from's verify all reuse it.
  const machines = new WeakMap<Evidence, State>();
  const machineOf = (evidence: Evidence, given?: State | null) => {
    const known = given ?? machines.get(evidence);
    if (known) return known;
    const state = analyze(evidence);
    machines.set(evidence, state);
    return state;
  };
  return {
    async detect(onProbe) {
      const evidence = await capture(onProbe);
      const { report, state, profile } = buildReport(evidence, {}, machineOf(evidence));
      const { choices, preselect, why } = targetsFor(state, report);
      const offered = offerSuggestion(state, {
        ...formFromProfile(profile),
        targets: preselect,
        errorText: '',
        buildCommand: evidence.buildCommand?.text ?? '',
      });
      return { evidence, machine: state, report, targetChoices: choices, why, ...offered };
    },
    // this host's network only: never a replayed bundle's (--from), a staged --root tree's only with --network
    captureNetwork: proxyTestOff(opts) ? undefined : liveProxyProbe(opts),
    proxyTestOff: proxyTestOff(opts),
    preselect(evidence, answers, machine, choices) {
      const state = machineOf(evidence, machine);
      const { report } = buildReport(evidence, profileFromForm(answers), state);
      return preselectAmong(state, report, choices, answers.errorText);
    },
    plan(evidence, answers, machine) {
      const targets = answers.targets.filter(isTarget) as Target[];
      const state = machineOf(evidence, machine);
      return makePlan(evidence, profileFromForm(answers), targets.length ? { targets, state } : { state })
        .plan;
    },
    report(evidence, answers, machine) {
      return buildReport(evidence, profileFromForm(answers), machineOf(evidence, machine)).report;
    },
    async act(choice, plan) {
      // A failure is an outcome on screen, never a rejection that leaves the act screen on "Working…".
      try {
        return await act(choice, plan);
      } catch (e) {
        return { choice, ok: false, backups: [], lines: [`Nothing written: ${(e as Error).message}`] };
      }
    },
    async runCommands(plan) {
      try {
        // apply's own lock (defaultLockPath): no ./buildproxy-out/ left behind for it
        const r = await applyPlan({ ...plan, changes: [] }, { root: opts.root, runCommands: true });
        // apply stops at a failed command: the ones after it are listed as still to run, not left out
        const skipped = plan.commands
          .slice(r.commands.length)
          .map((command) => ({ command, as: null, result: null }));
        return commandLines([...r.commands, ...skipped], PLAIN);
      } catch (e) {
        return [`Commands not run: ${(e as Error).message}`];
      }
    },
    async verify(answers) {
      const evidence = await capture();
      return buildReport(evidence, profileFromForm(answers), machineOf(evidence)).report;
    },
    async command(evidence, text) {
      // An emptied field: the machine without a build command.
      const ev = text ? await withCommandText(evidence, text, opts.root) : evidence;
      const machine = machineOf(ev);
      const { choices, preselect, why } = targetsFor(machine, buildReport(ev, {}, machine).report);
      return { evidence: ev, machine, targetChoices: choices, targets: preselect, why };
    },
    async checkCaFile(path) {
      try {
        const text = await readFile(path, 'utf8');
        return text.includes('-----BEGIN CERTIFICATE-----')
          ? null
          : `${path} is not a PEM certificate (no BEGIN CERTIFICATE line)`;
      } catch {
        return `cannot read ${path}`;
      }
    },
  };

  function rooted(path: string): string {
    return opts.root ? join(opts.root, path) : path;
  }

  async function act(choice: ActChoice, plan: Plan): Promise<ActOutcome> {
    if (choice === 'save') {
      const w = writePrivateFile(opts.planFile, `${JSON.stringify(plan, null, 2)}\n`);
      if (!w.ok) return { choice, ok: false, backups: [], lines: [`Not saved: ${w.message}`] };
      return {
        choice,
        ok: true,
        backups: [],
        lines: [
          ...w.notes.map((n) => `${opts.planFile}: ${n}`),
          `Saved ${opts.planFile} (mode 0600, holds the credentials).`,
          `Apply it with: ${applyCommand(opts.planFile, opts.root)}`,
        ],
      };
    }
    if (choice === 'folder') {
      mkdirSync(opts.outDir, { recursive: true, mode: 0o700 }); // only this user may enter it
      const r = await applyPlan(
        { ...plan, changes: plan.changes.map((c) => ({ ...c, before: null })) },
        { root: opts.outDir, lockPath: join(opts.outDir, '.buildproxy.lock') },
      );
      return {
        choice,
        ok: true,
        backups: [],
        lines: [`Wrote ${r.changes.length} file(s) under ${opts.outDir}; copy them into place.`],
      };
    }
    if (choice === 'print') {
      // The full text is printed once the wizard has left the screen (final.ts), so it stays in the scrollback.
      return {
        choice,
        ok: true,
        backups: [],
        lines: ['Nothing written: every file and command is printed in full when you leave the wizard.'],
      };
    }
    // journal: `buildproxy undo --last` puts back what the wizard wrote, as it does after `apply`.
    const r = await applyPlan(plan, { root: opts.root, journal: true });
    if (r.needsRoot) {
      return {
        choice,
        ok: false,
        backups: [],
        lines: [`${r.needsRoot}: nothing was written.`, 'Choose "save plan.json" and run it with sudo.'],
      };
    }
    // Paths as the user finds them: under --root DIR, with DIR in front.
    const shown = r.changes.map((c) => ({
      ...c,
      path: rooted(c.path),
      ...(c.status === 'written' ? { backup: c.backup ? rooted(c.backup) : null } : {}),
    }));
    const lines = changeLines(shown, PLAIN);
    const backups = shown.flatMap((c) => (c.status === 'written' && c.backup ? [c.backup] : []));
    const written = shown.flatMap((c) => (c.status === 'written' ? [c.path] : []));
    return { choice, ok: r.changes.every((c) => c.status !== 'refused'), backups, lines, written };
  }
}
