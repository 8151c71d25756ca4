// The zod validator for plan files (buildproxy apply).
import { z } from 'zod';
import { PLAN_FORMAT, type Plan, PlanFormatError } from './types.js';

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

export const PlanCommandSchema = z.object({
  argv: z.array(z.string()).min(1),
  why: z.string(),
  needsRoot: z.boolean(),
  disruptive: z.boolean(),
  target: z.string(),
});

export const SnippetSchema = z.object({
  title: z.string(),
  language: z.string(),
  text: z.string(),
  target: z.string(),
});

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
  return r.data as Plan;
}
