// The zod validator for evidence bundles (--from, the capture analyzer).
import { z } from 'zod';
import { EVIDENCE_FORMAT, type Evidence, EvidenceFormatError } from './schema.js';

export const CommandResultSchema = z.object({
  argv: z.array(z.string()).min(1),
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  timedOut: z.boolean(),
  error: z.enum(['not-found', 'timeout', 'spawn-failed']).optional(),
  durationMs: z.number().nonnegative(),
});

export const ProcessSchema = z.object({
  name: z.string(),
  pid: z.number().int(),
  env: z.record(z.string(), z.string()).nullable(),
});

export const EvidenceSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  capturedAt: z.string(),
  host: z.object({
    platform: z.string(),
    home: z.string(),
    uid: z.number().int().nullable(),
  }),
  env: z.record(z.string(), z.string()),
  files: z.record(z.string(), z.string().nullable()),
  commands: z.array(CommandResultSchema),
  processes: z.array(ProcessSchema),
  dockerfile: z.object({ path: z.string(), content: z.string() }).nullable().optional(),
  unreadable: z.array(z.string()).optional(),
});

/** Validate a parsed bundle; the error names the field and what was expected. */
export function parseEvidence(data: unknown): Evidence {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new EvidenceFormatError(
      'the bundle is not a JSON object; expected a buildproxy.evidence/v1 capture',
    );
  }
  const format = (data as { format?: unknown }).format;
  if (format !== EVIDENCE_FORMAT) {
    throw new EvidenceFormatError(
      format === undefined
        ? `the bundle has no "format" field; expected "${EVIDENCE_FORMAT}" (create one with: buildproxy doctor --capture FILE)`
        : `unknown bundle format ${JSON.stringify(format)}; this buildproxy reads "${EVIDENCE_FORMAT}"`,
    );
  }
  const r = EvidenceSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    throw new EvidenceFormatError(`malformed evidence bundle at "${where}": ${issue.message}`);
  }
  return r.data as Evidence;
}
