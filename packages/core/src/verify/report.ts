// The result of `buildproxy verify`: one line per actor, each with what was tried, how long it took, and for a
// failure the why reader's actor, cause and rules. JSON: buildproxy.verify/v1.
import type { Actor } from '../analyze/types.js';
import { redactAll } from '../proxy/redact.js';
import type { StepReading } from './read.js';
import type { VerifyStepId } from './steps.js';

export const VERIFY_FORMAT = 'buildproxy.verify/v1';

export interface VerifyStepResult {
  step: VerifyStepId;
  actor: Actor;
  status: 'ok' | 'failed' | 'timeout' | 'skipped';
  /** what was tried, for a person: "docker pull registry.test:5000/base@sha256:…" */
  what: string;
  durationMs: number;
  /** ok: what proved it; skipped: why; failed: the first line of the failure */
  detail: string;
  reading: StepReading | null;
}

export interface VerifyCleanup {
  /** references and image ids verify added and removed again */
  removed: string[];
  /** the base image was there before verify ran: left exactly as it was */
  kept: string[];
  /** what could not be removed, with the command that does it */
  failed: string[];
}

export interface VerifyReport {
  format: typeof VERIFY_FORMAT;
  image: string;
  url: string;
  /** the build command the builder and run steps used, or null when none reaches a builder */
  builder: string | null;
  steps: VerifyStepResult[];
  cleanup: VerifyCleanup;
  ok: boolean;
}

/** 0: every step that ran passed; 1: at least one failed or timed out. */
export function verifyExitCode(r: VerifyReport): number {
  return r.steps.some((s) => s.status === 'failed' || s.status === 'timeout') ? 1 : 0;
}

/**
 * redactAll, except for the image reference: "registry.test:5000/base@sha256:…" looks like user:password@host to
 * the redactor (which errs on the side of hiding). The reference was validated by parseDigestRef (lowercase path
 * components, a digest): it holds no secret, and a person needs to read it.
 */
export function redactKeeping(text: string, keep: readonly string[]): string {
  const k = keep.find((x) => x.length > 0 && text.includes(x));
  if (!k) return redactAll(text);
  return text
    .split(k)
    .map((part) =>
      redactKeeping(
        part,
        keep.filter((x) => x !== k),
      ),
    )
    .join(k);
}
