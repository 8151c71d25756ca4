// The wizard's state: a pure reducer. Views render it; effects (probes, planning, writing) dispatch into it.
import {
  EMPTY_PROFILE_FORM,
  type Evidence,
  type Plan,
  type ProfileForm,
  type Report,
  readError,
  type State,
  type Target,
  type TargetChoice,
  targetForError,
} from '@buildproxy/core';

export const STEPS = ['detect', 'found', 'network', 'paste', 'review', 'act', 'verify', 'done'] as const;
export type Step = (typeof STEPS)[number];

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
}

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
  plan: Plan | null;
  planError: string | null;
  outcome: ActOutcome | null;
  after: Report | null;
  explaining: string | null;
  error: string | null;
  busy: boolean;
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
    }
  | { type: 'answer'; patch: Partial<Answers> }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'explain'; rule: string | null }
  | { type: 'planned'; plan: Plan }
  | { type: 'plan-failed'; error: string }
  | { type: 'acting' }
  | { type: 'acted'; outcome: ActOutcome }
  | { type: 'verified'; report: Report }
  | { type: 'failed'; error: string }
  /** the evidence again, with the build command typed at the paste step */
  | {
      type: 'command';
      evidence: Evidence;
      machine: State;
      targetChoices: WizardState['targetChoices'];
      targets: Target[];
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
    plan: null,
    planError: null,
    outcome: null,
    after: null,
    explaining: null,
    error: null,
    busy: false,
  };
}

function nextStep(step: Step): Step {
  const i = STEPS.indexOf(step);
  return STEPS[Math.min(i + 1, STEPS.length - 1)]!;
}

/**
 * The target that fixes the requester the pasted error points to (core's targetForError), read with the detected
 * machine: a loopback proxy from a docker-container builder points to the builder, not to dockerd.
 */
export function targetsForError(
  text: string,
  choices: Target[],
  chosen: Target[],
  machine: State | null = null,
): Target[] {
  return targetForError(readError(text, machine), choices, chosen);
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
        answers: mergeAnswers(a.answers, s.answers),
        step: s.step === 'detect' ? 'found' : s.step,
        history: s.step === 'detect' ? [] : s.history,
      };
    case 'answer':
      return { ...s, answers: { ...s.answers, ...a.patch }, error: null };
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
            }
          : {}),
        step: to,
        history: [...s.history, s.step],
        explaining: null,
        error: null,
        plan: to === 'review' ? null : s.plan,
        planError: to === 'review' ? null : s.planError,
      };
    }
    case 'back': {
      if (s.explaining) return { ...s, explaining: null };
      const prev = s.history[s.history.length - 1];
      if (!prev || NO_RETURN.includes(s.step) || s.outcome) return s;
      return { ...s, step: prev, history: s.history.slice(0, -1), error: null };
    }
    case 'explain':
      return { ...s, explaining: a.rule };
    case 'planned':
      return { ...s, plan: a.plan, planError: null };
    case 'plan-failed':
      return { ...s, plan: null, planError: a.error };
    case 'acting':
      return { ...s, busy: true };
    case 'acted':
      return { ...s, busy: false, outcome: a.outcome, step: 'verify', history: [...s.history, s.step] };
    case 'verified':
      return { ...s, after: a.report };
    case 'failed':
      return { ...s, busy: false, error: a.error };
    case 'command': {
      // The command decides the builder (buildctl → buildkitd, not dockerd): untouched preselections follow it.
      const untouched =
        s.answers.targets.length === s.preselected.length &&
        s.answers.targets.every((t) => s.preselected.includes(t));
      const targets = untouched ? a.targets : s.answers.targets;
      return {
        ...s,
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

/**
 * Flags win over what was detected. The proxy answers are one unit: a --proxy given on the command line replaces
 * the shell's HTTPS_PROXY too, exactly as `plan --proxy` does.
 */
export function mergeAnswers(detected: Answers, given: Partial<Answers>): Answers {
  const out = { ...detected };
  const proxyGiven = !!given.proxy;
  for (const [k, v] of Object.entries(given) as [keyof Answers, Answers[keyof Answers]][]) {
    const empty = v === '' || v === false || (Array.isArray(v) && v.length === 0);
    const unit = proxyGiven && (k === 'separateHttps' || k === 'httpsProxy');
    if (!empty || unit) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
