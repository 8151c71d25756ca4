// buildproxy.plan/v1 — what a fix changes: whole-file before/after pairs, commands, and snippets to copy.

export const PLAN_FORMAT = 'buildproxy.plan/v1';

export const TARGETS = [
  'docker-systemd',
  'docker-systemd-rootless',
  'docker-daemon-json',
  'docker-cli-config',
  'buildx-docker-container',
  'buildkitd-systemd',
  'buildkitd-toml',
  'kubernetes',
  'client-shell',
  'build-command',
  'ci-github-actions',
  'ci-gitlab',
] as const;
export type Target = (typeof TARGETS)[number];

export interface FileChange {
  path: string;
  /** octal permission bits of a new file, e.g. "0644" (an existing file keeps its own) */
  mode: string;
  needsRoot: boolean;
  /** null: the file must not exist yet */
  before: string | null;
  after: string;
  rules: string[];
  target: string;
  why: string;
}

export interface PlanCommand {
  argv: string[];
  why: string;
  needsRoot: boolean;
  disruptive: boolean;
  target: string;
}

export interface PlanSnippet {
  title: string;
  language: string;
  text: string;
  target: string;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  changes: FileChange[];
  commands: PlanCommand[];
  snippets: PlanSnippet[];
  targets?: string[];
  refused?: { target: string; reason: string }[];
  resolves?: { now: string[]; afterCommands: string[]; remaining: string[] };
}

export class PlanFormatError extends Error {}

/** What a generator returns: its part of the plan, or why it cannot apply here. */
export type TargetResult =
  | { ok: true; changes: FileChange[]; commands: PlanCommand[]; snippets: PlanSnippet[] }
  | { ok: false; reason: string };
