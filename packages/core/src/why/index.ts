// `buildproxy why`: read a build error as a chain — who made the failing request and why it failed.
import type { Actor } from '../analyze/types.js';
import { readError } from './read.js';
import { CAUSE_ORDER, CAUSES, type CauseId } from './vocabulary.js';

export { type ErrorReading, readError } from './read.js';
export { MAX_ERROR_TEXT } from './text.js';
export { CAUSE_TITLES_ZH_CN } from './titles-zh-cn.js';
export { CAUSES, type CauseFamily, type CauseId, FAMILY_IS_PROXY } from './vocabulary.js';

export interface Signature {
  id: CauseId;
  example: string;
  /** where the example comes from: an issue URL, or the e2e test that reruns the program that printed it */
  source: string;
  actor: Actor;
  rules: string[];
  explanation: string;
}

/**
 * One entry per cause, with a real example read by the reader itself (the docs' troubleshooting page). Built on
 * first use, not at import: reading every example costs the doctor ~10 ms of start-up for a list only the docs
 * and the tests read.
 */
let signatureList: Signature[] | undefined;
export function signatures(): readonly Signature[] {
  signatureList ??= CAUSE_ORDER.map((id) => {
    const r = readError(CAUSES[id].example);
    return {
      id,
      example: CAUSES[id].example,
      source: CAUSES[id].source,
      actor: r.actor ?? CAUSES[id].actor ?? 'runtime',
      rules: r.rules,
      explanation: `${CAUSES[id].title}. ${r.explanation}`,
    };
  });
  return signatureList;
}

export interface WhyMatch {
  signature: string;
  actor: Actor;
  rules: string[];
  explanation: string;
  excerpt: string;
}

/** The reading as a list (empty when nothing is recognised), for callers that show several matches. */
export function classifyError(text: string): WhyMatch[] {
  const r = readError(text);
  if (!r.recognised || !r.cause) return [];
  return [
    {
      signature: r.cause,
      actor: r.actor ?? CAUSES[r.cause].actor ?? 'runtime',
      rules: r.rules,
      explanation: r.explanation,
      excerpt: r.excerpt,
    },
  ];
}
