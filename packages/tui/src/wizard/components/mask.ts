// Passwords on screen. While a URL is being typed the "@" may not be there yet: what can only be a password
// already (after "user:" and not a numeric port) is masked, so no frame ever shows it.
import { maskEachChar, redactAll } from '@buildproxy/core';

export function maskTyping(text: string): string {
  return redactAll(text).replace(
    /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)(?=[^\s@/]*[^\d\s@/])[^\s@/]+(@?)$/gim,
    '$1***$2',
  );
}

/** One mask character per password character: the user can count what was typed, never read it. */
export const MASK = '•';

/**
 * Where the password of a proxy URL field lies, in code points, or null: from the first ":" of the user info
 * to its last "@" (as Go's url.Parse splits it, so a raw "@" in the password stays inside), with or without a
 * scheme. Before the "@" is typed, "host:port" is no password but "user:pa" is, so a digit-only tail is a port.
 */
export function passwordSpan(value: string): { start: number; end: number } | null {
  const cs = Array.from(value);
  const joined = cs.join('');
  const scheme = joined.indexOf('://');
  const from = scheme === -1 ? 0 : Array.from(joined.slice(0, scheme)).length + 3;
  const at = cs.lastIndexOf('@');
  if (at >= from) {
    const colon = cs.indexOf(':', from);
    return colon !== -1 && colon < at ? { start: colon + 1, end: at } : null;
  }
  if (cs[from] === '[') return null; // an IPv6 host: its colons are no user info
  const colon = cs.indexOf(':', from);
  if (colon === -1) return null;
  let end = colon + 1;
  while (end < cs.length && cs[end] !== '/') end++;
  const tail = cs.slice(colon + 1, end).join('');
  return tail && !/^\d+$/.test(tail) ? { start: colon + 1, end } : null;
}

/** The value with each password character shown as MASK: as long as the value, so a cursor keeps its place. */
export function maskPasswordChars(value: string): string {
  const span = passwordSpan(value);
  if (!span) return value;
  const cs = Array.from(value);
  return cs.map((c, i) => (i >= span.start && i < span.end ? MASK : c)).join('');
}

/** A whole proxy URL as a field shows it: its password (also half typed) and any other secret, one • each. */
export function maskUrlField(value: string): string {
  return maskEachChar(maskPasswordChars(value));
}

/**
 * Free text as a field shows it (a build command): every secret the doctor redacts, one • per character, and the
 * password of a URL still being typed at the end ("…HTTPS_PROXY=http://alice:s3"), as maskTyping does.
 */
export function maskTextField(text: string): string {
  return maskEachChar(text).replace(
    /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)(?=[^\s@/]*[^\d\s@/])([^\s@/]+)(@?)$/gim,
    (_m, head: string, pw: string, at: string) => `${head}${MASK.repeat(Array.from(pw).length)}${at}`,
  );
}
