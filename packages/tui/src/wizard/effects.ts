// The wizard's side effects, in one place and injectable: probing, planning, writing, verifying.
// Views never call these; the app does, and dispatches the results into the reducer.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  analyze,
  availableTargets,
  buildReport,
  defaultTargets,
  type Evidence,
  formFromProfile,
  isTarget,
  makePlan,
  type Plan,
  profileFromForm,
  type Report,
  redactAll,
  type State,
  type Target,
  type TargetChoice,
} from '@buildproxy/core';
import { applyPlan, captureEvidence, writePrivateFile } from '@buildproxy/core/node';
import { commandAddr, withCommandText } from '../evidence-source.js';
import { changeLines, commandLines } from '../render/apply.js';
import { shownCommand } from '../render/plan.js';
import { makeStyle } from '../render/style.js';
import type { ActChoice, ActOutcome, Answers, ProbeLine, WizardState } from './state.js';

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
}

export interface Effects {
  /** capture, and analyse the evidence once: `machine` is handed back to plan and report */
  detect(onProbe: (l: ProbeLine) => void): Promise<{
    evidence: Evidence;
    machine: State;
    report: Report;
    answers: Answers;
    targetChoices: WizardState['targetChoices'];
  }>;
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
  }>;
}

export function probeLabel(argv: readonly string[]): string {
  return argv
    .filter((a) => !a.startsWith('--format') && !a.startsWith('{{') && !a.startsWith('--property'))
    .join(' ');
}

/**
 * The targets offered for this machine (core's availableTargets), and those preselected: the first (the daemon)
 * and the doctor's defaults.
 */
export function targetsFor(state: State, report: Report): { choices: TargetChoice[]; preselect: Target[] } {
  const choices = availableTargets(state);
  const defaults = defaultTargets(state, report.findings).filter((t) => choices.some((c) => c.value === t));
  // A buildctl build never touches dockerd: only the doctor's defaults (buildkitd's fix), not the daemon first.
  const first = choices[0] && state.buildCommand?.tool !== 'buildctl' ? [choices[0].value] : [];
  return { choices, preselect: [...new Set([...first, ...defaults])] };
}

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
      const { choices, preselect } = targetsFor(state, report);
      return {
        evidence,
        machine: state,
        report,
        targetChoices: choices,
        answers: {
          ...formFromProfile(profile),
          targets: preselect,
          errorText: '',
          buildCommand: evidence.buildCommand?.text ?? '',
        },
      };
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
        mkdirSync(opts.outDir, { recursive: true, mode: 0o700 }); // the lock's folder, as for "folder"
        const r = await applyPlan(
          { ...plan, changes: [] },
          { root: opts.root, runCommands: true, lockPath: join(opts.outDir, '.buildproxy-commands.lock') },
        );
        return commandLines(r.commands, PLAIN);
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
      const { choices, preselect } = targetsFor(machine, buildReport(ev, {}, machine).report);
      return { evidence: ev, machine, targetChoices: choices, targets: preselect };
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
          `Apply it with: sudo buildproxy apply ${opts.planFile}`,
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
      // Printed output is redacted like every other: where a password was, *** stands.
      const files = plan.changes.flatMap((c) => [
        `# ${c.path}${c.needsRoot ? ' (root)' : ''}`,
        ...redactAll(c.after).trimEnd().split('\n'),
        '',
      ]);
      const commands = plan.commands.length
        ? [
            '# then run',
            ...plan.commands.map((c) => `${c.needsRoot ? 'sudo ' : ''}${shownCommand(c.argv)}`),
            '',
          ]
        : [];
      const snippets = plan.snippets.flatMap((sn) => [
        `# ${sn.title}`,
        ...redactAll(sn.text).split('\n'),
        '',
      ]);
      return { choice, ok: true, backups: [], lines: [...files, ...commands, ...snippets] };
    }
    const r = await applyPlan(plan, { root: opts.root });
    if (r.needsRoot) {
      return {
        choice,
        ok: false,
        backups: [],
        lines: [`${r.needsRoot}: nothing was written.`, 'Choose "save plan.json" and run it with sudo.'],
      };
    }
    const lines = changeLines(r.changes, PLAIN);
    const backups = r.changes.flatMap((c) => (c.status === 'written' && c.backup ? [c.backup] : []));
    return { choice, ok: r.changes.every((c) => c.status !== 'refused'), backups, lines };
  }
}
