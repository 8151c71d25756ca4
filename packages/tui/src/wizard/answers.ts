// The answers given on the command line win over what was detected (the --yes flow and the reducer share this).
import type { Answers } from './state.js';

/**
 * Flags win over what was detected. The proxy answers are one unit: a --proxy given on the command line replaces
 * the shell's HTTPS_PROXY too, exactly as `plan --proxy` does.
 */
export function mergeAnswers(detected: Answers, given: Partial<Answers>): Answers {
  const out = { ...detected };
  const proxyGiven = !!given.proxy;
  for (const [k, v] of Object.entries(given) as [keyof Answers, Answers[keyof Answers]][]) {
    const empty = v === '' || v === false || (Array.isArray(v) && v.length === 0);
    const unit = proxyGiven && (k === 'separateHttps' || k === 'httpsProxy');
    if (!empty || unit) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
