// The zod validator for plan files (buildproxy apply).
import * as z from 'zod/mini';
import { ACTORS } from '../analyze/types.js';
import { useEnglishMessages } from '../zod-messages.js';
import { PLAN_FORMAT, type Plan, PlanFormatError } from './types.js';

export const FileChangeSchema = z.object({
  path: z.string().check(z.startsWith('/')),
  /** octal permission bits of the file after the change, e.g. "0644" */
  mode: z.string().check(z.regex(/^0[0-7]{3}$/)),
  needsRoot: z.boolean(),
  /** null: the file must not exist yet */
  before: z.nullable(z.string()),
  after: z.string(),
  /** plan --remove: take the file out (before is what it must still hold) */
  remove: z.optional(z.literal(true)),
  rules: z.array(z.string()),
  target: z.string(),
  why: z.string(),
});

export const PlanCommandSchema = z.object({
  argv: z.array(z.string()).check(z.minLength(1)),
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
  targets: z.optional(z.array(z.string())),
  refused: z.optional(z.array(z.object({ target: z.string(), reason: z.string() }))),
  resolves: z.optional(
    z.object({
      now: z.array(z.string()),
      afterCommands: z.array(z.string()),
      remaining: z.array(z.string()),
      partly: z.optional(
        z.array(
          z.object({
            rule: z.string(),
            fixed: z.array(z.enum(ACTORS)),
            when: z.enum(['now', 'afterCommands']),
            open: z.array(z.object({ actor: z.enum(ACTORS), message: z.string() })),
          }),
        ),
      ),
    }),
  ),
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
  useEnglishMessages();
  const r = PlanSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new PlanFormatError(`malformed plan at "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  // A removal names the content it removes: apply checks the file still holds it.
  const bad = r.data.changes.findIndex((c) => c.remove && (c.before === null || c.after !== ''));
  if (bad >= 0)
    throw new PlanFormatError(
      `malformed plan at "changes.${bad}": a removal needs "before" and an empty "after"`,
    );
  return r.data as Plan;
}
