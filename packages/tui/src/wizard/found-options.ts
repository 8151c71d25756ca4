// The line after detection that says which proxy settings the wizard starts from and where each was read, as
// minikube's "Found network options:" does: the values the network step will show, each with its source (the
// actor whose configuration holds it, the system proxy offered as the default, or the flags).
import { ACTORS, type Report, redactAll } from '@buildproxy/core';
import type { Answers, Suggestion } from './state.js';

export interface NetworkOption {
  name: 'HTTP_PROXY' | 'HTTPS_PROXY' | 'NO_PROXY';
  /** masked: a password in a proxy URL never reaches the screen */
  value: string;
  source: string;
}

/** The answers' proxy settings with where each came from; empty when no proxy is known. */
export function foundOptions(
  report: Report,
  answers: Answers,
  suggested: Suggestion | null,
): NetworkOption[] {
  const https = answers.separateHttps && answers.httpsProxy ? answers.httpsProxy : answers.proxy;
  const wanted: [NetworkOption['name'], string][] = [
    ['HTTP_PROXY', answers.proxy],
    ['HTTPS_PROXY', https],
    ['NO_PROXY', answers.noProxy],
  ];
  return wanted
    .filter(([, v]) => v.trim())
    .map(([name, v]) => ({ name, value: redactAll(v), source: sourceOf(report, name, v, suggested) }));
}

function sourceOf(
  report: Report,
  name: NetworkOption['name'],
  value: string,
  suggested: Suggestion | null,
): string {
  const shown = redactAll(value);
  const field = name === 'HTTP_PROXY' ? 'httpProxy' : name === 'HTTPS_PROXY' ? 'httpsProxy' : 'noProxy';
  // the report's values are masked as `shown` is: compare those
  const held = ACTORS.map((a) => report.actors[a][field]).find((v) => v && v.value === shown);
  if (held) return held.source;
  const any = ACTORS.flatMap((a) => [report.actors[a].httpProxy, report.actors[a].httpsProxy]).find(
    (v) => name !== 'NO_PROXY' && v && v.value === shown,
  );
  if (any) return any.source;
  if (suggested && name !== 'NO_PROXY' && redactAll(suggested.httpProxy) === shown) return suggested.label;
  return 'given';
}

/**
 * One paragraph: "Found network options: HTTP_PROXY, HTTPS_PROXY http://… (your shell) · NO_PROXY … (daemon.json)".
 * Variables with the same value from the same source are named together, to keep the line short.
 */
export function foundOptionsLine(options: NetworkOption[]): string | null {
  if (!options.length) return null;
  const groups: { names: string[]; value: string; source: string }[] = [];
  for (const o of options) {
    const same = groups.find((g) => g.value === o.value && g.source === o.source);
    if (same) same.names.push(o.name);
    else groups.push({ names: [o.name], value: o.value, source: o.source });
  }
  return `Found network options: ${groups.map((g) => `${g.names.join(', ')} ${g.value} (${g.source})`).join(' · ')}`;
}
