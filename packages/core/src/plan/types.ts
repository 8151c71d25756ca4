// buildproxy.plan/v1 — what a fix changes: whole-file before/after pairs, commands, and snippets to copy.
import { z } from 'zod';

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

export const FileChangeSchema = z.object({
  path: z.string().startsWith('/'),
  /** octal permission bits of the file after the change, e.g. "0644" */
  mode: z.string().regex(/^0[0-7]{3}$/),
  needsRoot: z.boolean(),
  /** null: the file must not exist yet */
  before: z.string().nullable(),
  after: z.string(),
  rules: z.array(z.string()),
  target: z.string(),
  why: z.string(),
});
export type FileChange = z.infer<typeof FileChangeSchema>;

export const PlanCommandSchema = z.object({
  argv: z.array(z.string()).min(1),
  why: z.string(),
  needsRoot: z.boolean(),
  disruptive: z.boolean(),
  target: z.string(),
});
export type PlanCommand = z.infer<typeof PlanCommandSchema>;

export const SnippetSchema = z.object({
  title: z.string(),
  language: z.string(),
  text: z.string(),
  target: z.string(),
});
export type PlanSnippet = z.infer<typeof SnippetSchema>;

export const PlanSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  changes: z.array(FileChangeSchema),
  commands: z.array(PlanCommandSchema),
  snippets: z.array(SnippetSchema),
  targets: z.array(z.string()).optional(),
  refused: z.array(z.object({ target: z.string(), reason: z.string() })).optional(),
  resolves: z
    .object({ now: z.array(z.string()), afterCommands: z.array(z.string()), remaining: z.array(z.string()) })
    .optional(),
});
export type Plan = z.infer<typeof PlanSchema>;

export class PlanFormatError extends Error {}

export function parsePlan(data: unknown): Plan {
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format.startsWith('buildproxy.plan/') && format !== PLAN_FORMAT) {
    throw new PlanFormatError(
      `plan format "${format}" is newer than this buildproxy understands ("${PLAN_FORMAT}"); upgrade buildproxy`,
    );
  }
  if (format !== PLAN_FORMAT)
    throw new PlanFormatError(`not a buildproxy plan (expected "format": "${PLAN_FORMAT}")`);
  const r = PlanSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new PlanFormatError(`malformed plan at "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return r.data;
}

/** What a generator returns: its part of the plan, or why it cannot apply here. */
export type TargetResult =
  | { ok: true; changes: FileChange[]; commands: PlanCommand[]; snippets: PlanSnippet[] }
  | { ok: false; reason: string };
