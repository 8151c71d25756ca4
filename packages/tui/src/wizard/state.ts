// long because: the one reducer every wizard step goes through; split, the steps could be sequenced two ways.
// The wizard's state: a pure reducer. Views render it; effects (probes, planning, writing) dispatch into it.

import {
  EMPTY_PROFILE_FORM,
  type Evidence,
  type Finding,
  type Plan,
  type ProfileForm,
  type Report,
  type State,
  type Target,
  type TargetChoice,
} from '@buildproxy/core';
import { mergeAnswers, targetsForError } from './answers.js';

/**
 * The one step list: the Ink screens and the --yes flow (flow.ts) both walk it through this reducer, so the two
 * cannot sequence the steps differently. Each answer has a flag (entry.ts).
 */
export const STEPS = ['detect', 'found', 'network', 'paste', 'review', 'act', 'verify', 'done'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_TITLES: Record<Step, string> = {
  detect: 'Detect',
  found: 'What we found',
  network: 'Your network',
  paste: 'Paste an error (optional)',
  review: 'Review the changes',
  act: 'Act',
  verify: 'Verify',
  done: 'Done',
};

/** The network screen's fields (core's ProfileForm: core maps them to and from a profile), the targets, the error. */
export interface Answers extends ProfileForm {
  targets: Target[];
  errorText: string;
  /** the build command the user runs ("buildctl build …"): it decides which builder and which build args count */
  buildCommand: string;
}

export interface ProbeLine {
  label: string;
  status: 'running' | 'ok' | 'failed' | 'timeout';
  ms?: number;
}

export type ActChoice = 'write' | 'save' | 'folder' | 'print';

export interface ActOutcome {
  choice: ActChoice;
  lines: string[]; // what happened, one line each
  backups: string[];
  ok: boolean;
  /** the files written, as the user finds them (with the --root prefix) */
  written?: string[];
}

/** The act step's own phases: choosing, working, asking whether to run the commands now. */
export type ActPhase = { kind: 'choose' } | { kind: 'working' } | { kind: 'confirm'; outcome: ActOutcome };

/** How the wizard ended: the entry prints the final block (and picks the exit code) from it. */
export type Ending = 'done' | 'cancelled' | 'no-proxy-needed';

/** The proxy the machine states (core's suggestedProxy), offered as the default answer, with where it was read. */
export interface Suggestion {
  httpProxy: string;
  label: string;
}

/**
 * The proxy test after the network step (doctor --network's probes): running, or what the network rules found.
 * `id` ties a result to the run that asked for it: a skipped run's late answer is dropped.
 */
export type ProxyTest =
  | { kind: 'running'; id: number }
  | { kind: 'done'; id: number; findings: Finding[] }
  | { kind: 'failed'; id: number; error: string };

/** Why each preselected target is selected ("fixes run-proxy-missing"), shown beside it. */
export type Reasons = Partial<Record<Target, string>>;

export interface WizardState {
  step: Step;
  history: Step[];
  probes: ProbeLine[];
  evidence: Evidence | null;
  /** the evidence analysed, once: plans, reports and the pasted error all read this */
  machine: State | null;
  report: Report | null;
  answers: Answers;
  /** targets this machine can use, with labels and reasons (core's availableTargets), for the multi-select */
  targetChoices: TargetChoice[];
  /** targets added because the pasted error points at an actor none of the chosen ones fixes */
  fromError: Target[];
  /** the targets detection preselected: while the user keeps them, a typed build command may replace them */
  preselected: Target[];
  /** why each selected target was chosen for the user (findings it fixes, the pasted error) */
  why: Reasons;
  plan: Plan | null;
  planError: string | null;
  act: ActPhase;
  outcome: ActOutcome | null;
  /** daemon-reload / restart / builder recreation were run by the wizard */
  commandsRun: boolean;
  after: Report | null;
  ended: Ending | null;
  explaining: string | null;
  error: string | null;
  busy: boolean;
  /** the proxy the machine states, when it was offered as the answer */
  suggested: Suggestion | null;
  proxyTest: ProxyTest | null;
  /** what each screen keeps for when it is come back to (its focused field, highlighted item): ui-context.tsx */
  memory: Record<string, string | number>;
  /** the help for the current step covers the screen ("?") */
  help: boolean;
}

export type Action =
  | { type: 'probe'; line: ProbeLine }
  | {
      type: 'detected';
      evidence: Evidence;
      machine: State;
      report: Report;
      answers: Answers;
      targetChoices: WizardState['targetChoices'];
      why?: Reasons;
      suggested?: Suggestion | null;
    }
  | { type: 'answer'; patch: Partial<Answers> }
  /** the preselection for the current answers (a proxy typed on an unconfigured machine changes the findings) */
  | { type: 'preselect'; targets: Target[]; why: Reasons }
  | { type: 'working' }
  | { type: 'confirm-commands'; outcome: ActOutcome }
  | { type: 'end'; how: Ending }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'explain'; rule: string | null }
  /** start (running), finish (done/failed, dropped unless it answers the running test) or leave (null) the test */
  | { type: 'proxy-test'; test: ProxyTest | null }
  | { type: 'remember'; key: string; value: string | number }
  | { type: 'help'; open: boolean }
  | { type: 'planned'; plan: Plan }
  | { type: 'plan-failed'; error: string }
  | { type: 'acting' }
  | { type: 'acted'; outcome: ActOutcome; commandsRun?: boolean }
  | { type: 'verified'; report: Report }
  | { type: 'failed'; error: string }
  /** the evidence again, with the build command typed at the paste step */
  | {
      type: 'command';
      evidence: Evidence;
      machine: State;
      targetChoices: WizardState['targetChoices'];
      targets: Target[];
      why?: Reasons;
    };

export const EMPTY_ANSWERS: Answers = {
  ...EMPTY_PROFILE_FORM,
  targets: [],
  errorText: '',
  buildCommand: '',
};

export function initialState(answers: Partial<Answers> = {}): WizardState {
  return {
    step: 'detect',
    history: [],
    probes: [],
    evidence: null,
    machine: null,
    report: null,
    answers: { ...EMPTY_ANSWERS, ...answers },
    targetChoices: [],
    fromError: [],
    preselected: [],
    why: {},
    plan: null,
    planError: null,
    act: { kind: 'choose' },
    outcome: null,
    commandsRun: false,
    after: null,
    ended: null,
    explaining: null,
    error: null,
    busy: false,
    suggested: null,
    proxyTest: null,
    memory: {},
    help: false,
  };
}

function nextStep(step: Step): Step {
  const i = STEPS.indexOf(step);
  return STEPS[Math.min(i + 1, STEPS.length - 1)]!;
}

/** Steps that cannot be returned to: their work is done (files written, doctor re-run). */
const NO_RETURN: Step[] = ['detect', 'verify', 'done'];

export function reducer(s: WizardState, a: Action): WizardState {
  switch (a.type) {
    case 'probe': {
      const i = s.probes.findIndex((p) => p.label === a.line.label);
      const probes = i >= 0 ? s.probes.map((p, j) => (j === i ? a.line : p)) : [...s.probes, a.line];
      return { ...s, probes };
    }
    case 'detected':
      // Flags given by the user win over what was detected.
      return {
        ...s,
        evidence: a.evidence,
        machine: a.machine,
        report: a.report,
        targetChoices: a.targetChoices,
        preselected: a.answers.targets,
        why: s.answers.targets.length
          ? Object.fromEntries(s.answers.targets.map((t) => [t, 'given with --target']))
          : (a.why ?? {}),
        answers: mergeAnswers(a.answers, s.answers),
        suggested: a.suggested ?? null,
        step: s.step === 'detect' ? 'found' : s.step,
        history: s.step === 'detect' ? [] : s.history,
      };
    case 'answer':
      return { ...s, answers: { ...s.answers, ...a.patch }, error: null };
    case 'preselect': {
      // Only a selection the user has not changed follows the answers.
      if (!untouched(s) || sameSet(a.targets, s.preselected)) return s;
      return { ...s, preselected: a.targets, why: a.why, answers: { ...s.answers, targets: a.targets } };
    }
    case 'working':
      return { ...s, busy: true, act: { kind: 'working' } };
    case 'confirm-commands':
      return { ...s, busy: false, act: { kind: 'confirm', outcome: a.outcome } };
    case 'end':
      return { ...s, ended: a.how };
    case 'next': {
      if (s.step === 'done' || s.step === 'detect') return s;
      const to = nextStep(s.step);
      const add =
        s.step === 'paste'
          ? targetsForError(
              s.answers.errorText,
              s.targetChoices.map((c) => c.value),
              s.answers.targets,
              s.machine,
            )
          : [];
      return {
        ...s,
        ...(add.length
          ? {
              answers: { ...s.answers, targets: [...s.answers.targets, ...add] },
              fromError: [...s.fromError, ...add],
              why: {
                ...s.why,
                ...Object.fromEntries(add.map((t) => [t, 'fixes the error you pasted'])),
              },
            }
          : {}),
        step: to,
        history: [...s.history, s.step],
        explaining: null,
        error: null,
        proxyTest: null,
        plan: to === 'review' ? null : s.plan,
        planError: to === 'review' ? null : s.planError,
      };
    }
    case 'back': {
      if (s.explaining) return { ...s, explaining: null };
      // back from the proxy test (or while it runs): to the form, its answer dropped
      if (s.proxyTest) return { ...s, proxyTest: null };
      const prev = s.history[s.history.length - 1];
      if (!prev || NO_RETURN.includes(s.step) || s.outcome) return s;
      return { ...s, step: prev, history: s.history.slice(0, -1), error: null };
    }
    case 'explain':
      return { ...s, explaining: a.rule };
    case 'remember':
      return s.memory[a.key] === a.value ? s : { ...s, memory: { ...s.memory, [a.key]: a.value } };
    case 'help':
      return { ...s, help: a.open };
    case 'proxy-test': {
      const t = a.test;
      if (t && t.kind !== 'running' && (s.proxyTest?.kind !== 'running' || s.proxyTest.id !== t.id)) return s;
      return { ...s, proxyTest: t };
    }
    case 'planned':
      return { ...s, plan: a.plan, planError: null };
    case 'plan-failed':
      return { ...s, plan: null, planError: a.error };
    case 'acting':
      return { ...s, busy: true, act: { kind: 'working' } };
    case 'acted':
      return {
        ...s,
        busy: false,
        act: { kind: 'choose' },
        outcome: a.outcome,
        commandsRun: a.commandsRun ?? false,
        step: 'verify',
        history: [...s.history, s.step],
      };
    case 'verified':
      return { ...s, after: a.report };
    case 'failed':
      return { ...s, busy: false, act: { kind: 'choose' }, error: a.error };
    case 'command': {
      // The command decides the builder (buildctl → buildkitd, not dockerd): untouched preselections follow it.
      const keep = !untouched(s);
      const targets = keep ? s.answers.targets : a.targets;
      return {
        ...s,
        why: keep ? s.why : (a.why ?? {}),
        evidence: a.evidence,
        machine: a.machine,
        targetChoices: a.targetChoices,
        preselected: a.targets,
        answers: { ...s.answers, targets },
        plan: null,
        planError: null,
        error: null,
      };
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}

/** The user kept the preselection as it was offered. */
function untouched(s: WizardState): boolean {
  return sameSet(s.answers.targets, s.preselected);
}

export { mergeAnswers, targetsForError } from './answers.js';
