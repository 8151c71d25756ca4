// Go reports a refused CONNECT as the request URL followed only by the proxy's reason phrase:
//   Get "https://registry-1.docker.io/v2/": Forbidden
// (net/http turns the status text of the CONNECT answer into the error). Find a method + URL + ": " + a phrase.
import { positions, touch } from './text.js';

const METHODS = ['get ', 'head ', 'post ', 'put '];
export const REFUSED_PHRASES = [
  'tunnel or ssl forbidden',
  'forbidden',
  'bad gateway',
  'bad request',
  'service unavailable',
  'gateway timeout',
  'access denied',
  'internal server error',
];
export const AUTH_PHRASES = ['proxy authentication required', 'authenticationrequired'];

export interface ReasonHit {
  at: number;
  end: number;
  phrase: string;
}

/** Index of the ": " that ends the URL starting at `urlAt` (quoted or not), or -1. */
function colonAfterUrl(lower: string, urlAt: number): number {
  let j = urlAt;
  while (j < lower.length && j - urlAt < 2048 && lower[j] !== ' ' && lower[j] !== '"') j++;
  touch(j - urlAt + 1);
  let colon = -1;
  if (lower[j] === '"' || (lower[j] === '\\' && lower[j + 1] === '"')) {
    const q = lower[j] === '"' ? j : j + 1;
    colon = lower[q + 1] === ':' ? q + 1 : -1;
  } else if (lower[j - 1] === ':') colon = j - 1; // unquoted: the URL token swallowed the ":"
  return colon >= 0 && lower[colon + 1] === ' ' ? colon : -1;
}

function phraseAt(lower: string, start: number, phrases: readonly string[]): string | null {
  for (const p of phrases) {
    if (!lower.startsWith(p, start)) continue;
    const after = lower[start + p.length];
    if (after === undefined || ' ."}\\*'.includes(after)) return p;
  }
  return null;
}

/** The innermost "<method> <url>: <phrase>" in the text, for one of `phrases`. */
export function reasonPhrase(lower: string, phrases: readonly string[]): ReasonHit | null {
  let found: ReasonHit | null = null;
  for (const m of METHODS) {
    for (const at of positions(lower, m)) {
      const u = lower[at + m.length] === '"' ? at + m.length + 1 : at + m.length;
      if (!lower.startsWith('http', u)) continue;
      const colon = colonAfterUrl(lower, u);
      if (colon < 0) continue;
      const phrase = phraseAt(lower, colon + 2, phrases);
      if (phrase && (!found || colon > found.at))
        found = { at: colon + 2, end: colon + 2 + phrase.length, phrase };
    }
  }
  return found;
}
