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

const DIAL = ['ok', 'refused', 'timeout', 'dns', 'unreachable', 'reset', 'error'] as const;
const CONNECT = [
  ...DIAL,
  'auth',
  'forbidden',
  'bad-gateway',
  'status',
  'closed',
  'not-proxy',
  'skipped',
] as const;
const ms = z.number().check(z.nonnegative());
const cert = z.object({ subject: z.string(), issuer: z.string(), fingerprint256: z.string() });

export const NetworkSchema = z.object({
  timeoutMs: ms,
  directTimeoutMs: ms,
  routes: z.array(
    z.object({
      proxy: z.nullable(z.string()),
      actors: z.array(z.string()),
      intended: z.boolean(),
      credentials: z.boolean(),
      dial: z.nullable(z.object({ result: z.enum(DIAL), ms, detail: z.optional(z.string()) })),
      hosts: z.array(
        z.object({
          host: z.string(),
          port: z.int().check(z.gte(0), z.lte(65535)),
          actors: z.array(z.string()),
          connect: z.object({
            result: z.enum(CONNECT),
            status: z.nullable(z.int()),
            schemes: z.array(z.string()),
            product: z.nullable(z.string()),
            excerpt: z.string(),
            ms,
            detail: z.optional(z.string()),
          }),
          tls: z.nullable(
            z.object({
              result: z.enum(['trusted', 'untrusted', 'timeout', 'closed', 'error']),
              error: z.nullable(z.string()),
              issuer: z.nullable(z.string()),
              chain: z.array(cert),
              caPem: z.nullable(z.string()),
              hostTrusts: z.nullable(z.boolean()),
              certsDTrusts: z.nullable(z.boolean()),
              ms,
            }),
          ),
        }),
      ),
    }),
  ),
});

export const PAC_FETCH = [
  'ok',
  'timeout',
  'status',
  'too-large',
  'scheme',
  'dns',
  'refused',
  'error',
] as const;
const PacSchema = z.object({
  url: z.string(),
  source: z.string(),
  fetch: z.object({
    result: z.enum(PAC_FETCH),
    status: z.nullable(z.int()),
    bytes: z.int().check(z.nonnegative()),
    ms,
    detail: z.optional(z.string()),
  }),
  error: z.nullable(z.string()),
  answers: z.array(
    z.object({
      host: z.string(),
      url: z.string(),
      answer: z.nullable(z.string()),
      error: z.nullable(z.string()),
    }),
  ),
  dns: z.record(z.string(), z.nullable(z.string())),
  myIp: z.nullable(z.string()),
});

const EvidenceSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  capturedAt: z.string(),
  host: z.object({
    platform: z.string(),
    home: z.string(),
    uid: z.nullable(z.int()),
    wsl: z.optional(z.nullable(z.object({ distro: z.string(), windowsHome: z.nullable(z.string()) }))),
    sudo: z.optional(
      z.object({
        user: z.string(),
        uid: z.int(),
        env: z.enum(['recovered', 'unknown']),
        dropped: z.array(z.string()),
      }),
    ),
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
  notCaptured: z.optional(z.array(z.object({ part: z.enum(['processes', 'net']), missing: z.string() }))),
  buildCommand: z.optional(z.nullable(z.object({ text: z.string(), cwd: z.string() }))),
  network: z.optional(NetworkSchema),
  pac: z.optional(PacSchema),
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
