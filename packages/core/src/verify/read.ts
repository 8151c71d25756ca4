// A failed verify step, read by `why`: the actor and the rules it points to, from the step's own output.
import type { Actor, State } from '../analyze/types.js';
import { safeForTerminal } from '../terminal.js';
import { explain } from '../why/explain.js';
import { readError } from '../why/read.js';
import { requesterFacts } from '../why/requester-label.js';
import { CAUSES, type CauseFamily, type CauseId } from '../why/vocabulary.js';
import { STEP_ACTOR, type VerifyStepId } from './steps.js';

export interface StepReading {
  /** who made the failing request: the why reader's answer, else the step's own actor */
  actor: Actor;
  cause: CauseId | null;
  title: string | null;
  explanation: string;
  rules: string[];
  /** the lines that say what failed (terminal-safe, at most 600 characters) */
  excerpt: string;
}

/** The last lines of a tool's output: what a person would look at first. */
function tail(text: string, max = 600): string {
  const lines = text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  let out = '';
  for (let i = lines.length - 1; i >= 0 && out.length < max; i--) out = `${lines[i]}\n${out}`;
  return safeForTerminal(out.length > max ? `…${out.slice(out.length - max)}` : out).trimEnd();
}

// Failures that are about a part, not about who asked: the reader's actor stands (dockerd down, a rejected option).
const NOT_THE_REQUESTER: ReadonlySet<CauseFamily> = new Set([
  'daemon',
  'config',
  'builder-option',
  'not-proxy',
]);

/**
 * Unlike a pasted error, verify knows who made each request: the client step is the CLI's own request, the
 * runtime step dockerd's pull, the build steps the builder and its RUN step. That actor wins over the reader's
 * guess from the words (a Go "dial tcp" reads as dockerd's), and the rules follow it.
 */
export function readStepFailure(step: VerifyStepId, output: string, state: State | null): StepReading {
  const r = readError(output, state);
  if (!r.recognised)
    return {
      actor: STEP_ACTOR[step],
      cause: null,
      title: null,
      explanation: 'buildproxy does not recognise this failure; the output is below.',
      rules: [],
      excerpt: tail(output),
    };
  const actor = STEP_ACTOR[step];
  const family = r.cause ? CAUSES[r.cause].family : null;
  if (r.cause && family && r.actor !== actor && !NOT_THE_REQUESTER.has(family)) {
    const who = requesterFacts(actor, state);
    const e = explain(r.cause, { actor, who, syntaxFrontend: false, gitSource: false });
    return {
      actor,
      cause: r.cause,
      title: r.title,
      explanation: e.explanation,
      rules: e.rules,
      excerpt: r.excerpt || tail(output),
    };
  }
  return {
    actor: r.actor ?? actor,
    cause: r.cause,
    title: r.title,
    explanation: r.explanation,
    rules: r.rules,
    excerpt: r.excerpt || tail(output),
  };
}
