// The answers given on the command line win over what was detected (the --yes flow and the reducer share this).
import {
  availableTargets,
  formatProxyUrl,
  parseProxyUrl,
  preselectTargets,
  type Report,
  readError,
  redactAll,
  type State,
  type Target,
  type TargetChoice,
  targetForError,
} from '@buildproxy/core';
import type { Answers, Reasons } from './state.js';

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

/**
 * The target that fixes the requester the pasted error points to (core's targetForError), read with the detected
 * machine: a loopback proxy from a docker-container builder points to the builder, not to dockerd.
 */
export function targetsForError(
  text: string,
  choices: Target[],
  chosen: Target[],
  machine: State | null = null,
): Target[] {
  return targetForError(readError(text, machine), choices, chosen);
}

/** Why a proxy field's value cannot be used, or null. */
export function proxyError(v: string, required: boolean): string | null {
  if (!v) return required ? 'the proxy URL is required' : null;
  const r = parseProxyUrl(v);
  return r.ok ? null : `${r.problem.message}: ${r.problem.fix}`;
}

/** What a proxy field says under it: why it cannot be used, a warning, or what was understood. */
export interface FieldNote {
  tone: 'error' | 'warning' | 'info';
  text: string;
}

/**
 * The note under a proxy URL field while it is typed. A problem never quotes the password: a port read from
 * "user:s3cret" would otherwise show the password in clear ("the port "s3cret" is not a number").
 */
export function proxyNote(value: string, required: boolean): FieldNote | null {
  if (!value)
    return required ? { tone: 'error', text: 'required: the proxy URL, e.g. http://proxy.corp:3128' } : null;
  const r = parseProxyUrl(value);
  if (!r.ok)
    return { tone: 'error', text: hideTypedPassword(`${r.problem.message}: ${r.problem.fix}`, value) };
  const u = r.url;
  if (u.scheme === 'https')
    return {
      tone: 'warning',
      text: 'https:// speaks TLS to the proxy itself; most corporate proxies want http:// (the doctor warns: https-proxy-scheme)',
    };
  // A bare "n" is a host name to Go: say what it became, and that it looks like no proxy host.
  if (!u.host.includes('.') && !u.host.includes(':') && u.host !== 'localhost' && u.port === null)
    return {
      tone: 'warning',
      text: `understood as ${formatProxyUrl(u, { redact: true })}: a host without a domain or port; is that the proxy?`,
    };
  const understood = formatProxyUrl(u, { redact: true });
  const typed = redactAll(value);
  return understood === typed ? null : { tone: 'info', text: `understood as ${understood}` };
}

/** The password candidate of a URL being typed ("scheme://user:THIS@…" or to the end) masked in a message. */
export function hideTypedPassword(message: string, value: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@]*)(@|$)/i.exec(value) ?? /^[^:/@\s]*:([^@]*)@/.exec(value);
  const pw = m?.[1];
  return pw ? message.split(pw).join('***') : message;
}

/**
 * The targets offered for this machine (core's availableTargets), and those preselected with why.
 */
export function targetsFor(
  state: State,
  report: Report,
  errorText = '',
): { choices: TargetChoice[]; preselect: Target[]; why: Reasons } {
  const choices = availableTargets(state);
  const { targets, why } = preselectAmong(state, report, choices, errorText);
  return { choices, preselect: targets, why };
}

/**
 * Among `choices`, those preselected with why (core's preselectTargets): the daemon, and every target that fixes
 * a finding or the pasted error.
 */
export function preselectAmong(
  state: State,
  report: Report,
  choices: TargetChoice[],
  errorText = '',
): { targets: Target[]; why: Reasons } {
  const reading = errorText.trim() ? readError(errorText, state) : null;
  const picked = preselectTargets(
    state,
    report.findings,
    choices.map((c) => c.value),
    reading,
  );
  return {
    targets: picked.map((p) => p.target),
    why: Object.fromEntries(picked.map((p) => [p.target, p.why])),
  };
}
