// Pasted error text is untrusted and can be a whole build log: cap it, drop terminal control sequences, undo the
// line wrapping of terminals and issue trackers, and fold ASCII case, all in one linear pass. Every detector then
// works on `lower` with indexOf; positions in `lower` are positions in `text`, so an excerpt is a plain slice.

import type { ScanCounter } from '../proxy/redact.js';

/** The error is at the end of a build log: keep its last 64 KiB. */
export const MAX_ERROR_TEXT = 64 * 1024;
/** Lines this long were most likely wrapped by a terminal (80 columns) and are joined without a space. */
const WRAP_WIDTH = 79;

export interface ErrorText {
  /** sanitised, one line, original case: what excerpts are cut from */
  text: string;
  /** `text` with ASCII letters lowered; same length, same positions */
  lower: string;
}

function isControl(c: number): boolean {
  // C0 and DEL, C1, and the bidirectional overrides that can reorder what a terminal shows.
  return (
    c < 0x20 ||
    c === 0x7f ||
    (c >= 0x80 && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/** Length of the escape sequence that starts at i (ESC [ … final, ESC ] … BEL or ESC \, ESC x), at least 1. */
function escapeLength(s: string, i: number): number {
  const next = s.charCodeAt(i + 1);
  if (next === 0x5b) {
    // CSI: parameters and intermediates, then one final byte in @..~
    let j = i + 2;
    while (j < s.length && j - i < 64) {
      const c = s.charCodeAt(j);
      j++;
      if (c >= 0x40 && c <= 0x7e) break;
    }
    return j - i;
  }
  if (next === 0x5d) {
    // OSC: up to BEL or ESC \
    let j = i + 2;
    while (j < s.length && j - i < 512) {
      const c = s.charCodeAt(j);
      if (c === 0x07) return j + 1 - i;
      if (c === 0x1b && s.charCodeAt(j + 1) === 0x5c) return j + 2 - i;
      j++;
    }
    return j - i;
  }
  return Number.isNaN(next) ? 1 : 2;
}

// The characters each search touches, while readError runs with a counter: the security suite proves the work
// grows linearly with the text, without a clock. Module state is safe here: a reading is synchronous.
let meter: ScanCounter | null = null;

/** Run `read` with every search below counted into `counter`. */
export function metered<T>(counter: ScanCounter | undefined, read: () => T): T {
  if (!counter) return read();
  const outer = meter;
  meter = counter;
  try {
    return read();
  } finally {
    meter = outer;
  }
}

/** Count `n` characters of work (a window sliced, a token read, a search's span). */
export function touch(n: number): void {
  if (meter) meter.ops += n;
}

/** Counted lastIndexOf: a backward search touches everything from `from` to the match. */
export function lastAt(hay: string, needle: string, from = hay.length): number {
  const at = hay.lastIndexOf(needle, from);
  touch((at < 0 ? Math.min(from, hay.length) : from - at) + needle.length);
  return at;
}

/** Counted includes: a forward search touches everything up to the match. */
export function has(hay: string, needle: string): boolean {
  const at = hay.indexOf(needle);
  touch((at < 0 ? hay.length : at) + needle.length);
  return at >= 0;
}

/** Counted slice. */
export function window(s: string, from: number, to: number): string {
  const w = s.slice(from, to);
  touch(w.length);
  return w;
}

export function errorText(raw: string): ErrorText {
  const input = raw.length > MAX_ERROR_TEXT ? raw.slice(raw.length - MAX_ERROR_TEXT) : raw;
  let out = '';
  let lineStart = 0; // position in `out` where the current line began
  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    if (c === 0x1b) {
      i += escapeLength(input, i);
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      // \r\n, \r and \n end a line; a full-width line was wrapped by a terminal and continues without a space.
      if (c === 0x0d && input.charCodeAt(i + 1) === 0x0a) i++;
      i++;
      const wrapped = out.length - lineStart >= WRAP_WIDTH && !/\s/.test(input[i] ?? ' ');
      if (!wrapped && out.length > 0 && out[out.length - 1] !== ' ') out += ' ';
      lineStart = out.length;
      continue;
    }
    if (c === 0x09) {
      if (out.length > 0 && out[out.length - 1] !== ' ') out += ' ';
      i++;
      continue;
    }
    if (isControl(c)) {
      i++;
      continue;
    }
    out += input[i];
    i++;
  }
  touch(input.length);
  // Lower ASCII only, so positions stay the same (toLowerCase can lengthen some non-ASCII letters).
  touch(out.length);
  const lower = out.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  return { text: out, lower };
}

/**
 * The last `cap` positions of `needle` in `hay`, in text order: the innermost fragments are the ones that count,
 * and a log with thousands of repeats costs one backward scan.
 */
export function positions(hay: string, needle: string, cap = 64): number[] {
  const at: number[] = [];
  let i = lastAt(hay, needle);
  while (i >= 0 && at.length < cap) {
    at.push(i);
    i = i === 0 ? -1 : lastAt(hay, needle, i - needle.length);
  }
  return at.reverse();
}

/** The token that starts at `from`: up to whitespace, a quote, a comma, a closing bracket; at most 300 chars. */
export function tokenAt(s: string, from: number): string {
  let j = from;
  while (j < s.length && j - from < 300) {
    const ch = s[j]!;
    if (ch === ' ' || ch === '"' || ch === "'" || ch === ',' || ch === '`' || ch === ')' || ch === '>') break;
    j++;
  }
  touch(j - from + 1);
  return s.slice(from, j);
}

/** The excerpt around [start, end): the fragment itself plus a little context, at most 200 chars. */
export function excerpt(t: ErrorText, start: number, end: number): string {
  const from = Math.max(0, start - 60);
  const to = Math.min(t.text.length, Math.max(end, start) + 80, from + 200);
  touch(to - from);
  return `${from > 0 ? '…' : ''}${t.text.slice(from, to).trim()}${to < t.text.length ? '…' : ''}`;
}
