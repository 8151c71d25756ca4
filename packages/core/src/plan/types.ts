// buildproxy.plan/v1 — what a fix changes: whole-file before/after pairs, commands, and snippets to copy.
import type { Actor } from '../analyze/types.js';
import type { Target } from '../targets.js';

export { isTarget, TARGETS, type Target } from '../targets.js';

export const PLAN_FORMAT = 'buildproxy.plan/v1';

export interface FileChange {
  path: string;
  /**
   * octal permission bits of a new file, e.g. "0644". An existing file keeps its own, except that a "0600" file
   * (it holds the credentials) has any group/other bits removed. apply accepts only the target's declared mode.
   */
  mode: string;
  needsRoot: boolean;
  /** null: the file must not exist yet */
  before: string | null;
  after: string;
  /** `plan --remove`: the file is removed (after is ""); apply removes it only while it still holds `before` */
  remove?: true;
  rules: string[];
  target: Target;
  why: string;
}

export interface PlanCommand {
  argv: string[];
  why: string;
  needsRoot: boolean;
  disruptive: boolean;
  target: Target;
}

export interface PlanSnippet {
  title: string;
  language: string;
  text: string;
  target: Target;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  changes: FileChange[];
  commands: PlanCommand[];
  snippets: PlanSnippet[];
  targets?: Target[];
  refused?: { target: Target; reason: string }[];
  /** each rule in one place: resolved once written, after the commands, still open, or partly (split by actor) */
  resolves?: { now: string[]; afterCommands: string[]; remaining: string[]; partly?: PartialResolution[] };
}

/** A rule the plan fixes for some actors while another actor's finding stays open (the RUN part of a CA). */
export interface PartialResolution {
  rule: string;
  fixed: Actor[];
  /** when the fixed part holds: once the files are written, or only after the commands ran */
  when: 'now' | 'afterCommands';
  /** what stays open, as its finding says it (which usually names the snippet to use) */
  open: { actor: Actor; message: string }[];
}

export class PlanFormatError extends Error {}

/** What a generator returns: its part of the plan, or why it cannot apply here. */
export type TargetResult =
  | { ok: true; changes: FileChange[]; commands: PlanCommand[]; snippets: PlanSnippet[] }
  | { ok: false; reason: string };
