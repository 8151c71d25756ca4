// The zod validator for evidence bundles (--from, the capture analyzer).
import * as z from 'zod/mini';
import { useEnglishMessages } from '../zod-messages.js';
import { EVIDENCE_FORMAT, type Evidence, EvidenceFormatError } from './schema.js';

export const CommandResultSchema = z.object({
  argv: z.array(z.string()).check(z.minLength(1)),
  exitCode: z.nullable(z.int()),
  stdout: z.string(),
  stderr: z.string(),
  timedOut: z.boolean(),
  error: z.optional(z.enum(['not-found', 'timeout', 'spawn-failed'])),
  durationMs: z.number().check(z.nonnegative()),
  via: z.optional(z.string()),
});

export const ProcessSchema = z.object({
  name: z.string(),
  pid: z.int(),
  env: z.nullable(z.record(z.string(), z.string())),
  argv: z.optional(z.array(z.string())),
  sockets: z.optional(z.array(z.string())),
});

export const EvidenceSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  capturedAt: z.string(),
  host: z.object({
    platform: z.string(),
    home: z.string(),
    uid: z.nullable(z.int()),
  }),
  env: z.record(z.string(), z.string()),
  files: z.record(z.string(), z.nullable(z.string())),
  commands: z.array(CommandResultSchema),
  processes: z.array(ProcessSchema),
  dockerfile: z.optional(z.nullable(z.object({ path: z.string(), content: z.string() }))),
  unreadable: z.optional(z.array(z.string())),
  oversize: z.optional(z.array(z.string())),
  net: z.optional(
    z.object({
      listeners: z.array(z.object({ addr: z.string(), port: z.int().check(z.gte(0), z.lte(65535)) })),
      ifaces: z.record(z.string(), z.string()),
    }),
  ),
  buildCommand: z.optional(z.nullable(z.object({ text: z.string(), cwd: z.string() }))),
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
  useEnglishMessages();
  const r = EvidenceSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    throw new EvidenceFormatError(`malformed evidence bundle at "${where}": ${issue.message}`);
  }
  return r.data as Evidence;
}
