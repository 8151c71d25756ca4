// long because: one family of linear scanners sharing a cursor discipline and an op counter; the argument that
// every step moves forward reads best in one file.
// Secrets never leave buildproxy: every URL password, and every registry credential of a Docker config.json,
// is masked before anything is printed or stored.
//
// Hand-written scanners, no regular expressions: the text comes from outside (a daemon's answer, a 100 KB
// label, a pasted error), and every step below moves forward or looks inside a region no other step looks at,
// so the work is linear in the length of the text (counted by `ops`, checked by a test).
//
// Where a password ends: at the LAST "@" of its URL's region, so "@", ":", "/", "#", "?", quotes, backticks,
// spaces and tabs inside a password are covered. A region runs from "scheme://" to the end of the line, the
// start of the next URL, or — when the URL sits inside a double-quoted string (JSON, systemd) — the closing
// unescaped quote. A URL with no host ("http://u:pw@") still has its password hidden. Masking more than the
// password (an "@" later on the same line) is the side this errs on.

/** Counts the characters the scanners touch; tests use it to show the work grows linearly. */
export interface ScanCounter {
  ops: number;
}

type Conceal = (pw: string) => string;

// Docker's own mask (docker info) is already safe.
const DOCKER_MASK = 'xxxxx:xxxxx';

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSchemeChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === 43 || c === 45 || c === 46; // + - .
}

interface Span {
  start: number;
  end: number;
}

/**
 * "http://proxy.corp:3128 and user@example.com": what looked like user:password is host:port followed by more
 * text. Only outside a quoted string, when the would-be user holds a dot like a host name and the would-be
 * password is digits then whitespace; a quoted URL's region ends at its quote, so there the "@" is its own.
 */
function hostThenText(text: string, a: number, colon: number, at: number, n: ScanCounter): boolean {
  if (text.lastIndexOf('.', colon) < a) return false;
  let i = colon + 1;
  while (i < at && isDigit(text.charCodeAt(i))) i++;
  n.ops += i - colon;
  if (i === colon + 1 || i === at) return false;
  const c = text.charCodeAt(i);
  if (c !== 47 && c !== 32 && c !== 9) return false;
  for (let j = i; j < at; j++) {
    n.ops++;
    const d = text.charCodeAt(j);
    if (d === 32 || d === 9) return true;
  }
  return false;
}

/** Where each "scheme://" URL's password lies. */
function urlPasswords(text: string, n: ScanCounter): Span[] {
  const spans: Span[] = [];
  // Quote state of the current line, advanced by a cursor that only moves forward. Inside '…' (a shell word) a
  // double quote is just a character. When unsure it errs towards "not quoted": a longer region masks more.
  let cursor = 0;
  let quote = 0 as 0 | 34 | 39;
  const advanceTo = (pos: number) => {
    for (; cursor < pos; cursor++) {
      n.ops++;
      const c = text.charCodeAt(cursor);
      if (c === 10) quote = 0;
      else if (quote !== 39 && c === 92)
        cursor++; // a backslash escapes the next character, except inside '…'
      else if (quote === 0 && (c === 34 || c === 39)) quote = c;
      else if (c === quote) quote = 0;
    }
  };
  // The scheme: letters, digits, + - . right before "://", starting with a letter; k itself when there is none.
  const schemeStart = (k: number, floor: number) => {
    let s = k;
    while (s > floor && isSchemeChar(text.charCodeAt(s - 1))) {
      s--;
      n.ops++;
    }
    while (s < k && !isAlpha(text.charCodeAt(s))) s++;
    return s;
  };
  let k = text.indexOf('://');
  let s = k === -1 ? -1 : schemeStart(k, 0);
  while (k !== -1) {
    const a = k + 3;
    const next = text.indexOf('://', a);
    const nextStart = next === -1 ? text.length : schemeStart(next, a);
    const here = s;
    k = next;
    s = nextStart;
    if (here === a - 3) continue; // "://" with no scheme before it
    advanceTo(here);
    const quoted = quote === 34;
    // The region: to the line's end, the next URL, or the closing quote of the string this URL sits in.
    let e = nextStart;
    let q = a;
    for (; q < e; q++) {
      n.ops++;
      const c = text.charCodeAt(q);
      if (c === 10) break;
      if (quoted && c === 92) q++;
      else if (quoted && c === 34) break;
    }
    e = Math.min(q, e);
    let at = -1;
    for (let i = e - 1; i >= a; i--) {
      n.ops++;
      if (text.charCodeAt(i) === 64) {
        at = i;
        break;
      }
    }
    let colon = a;
    while (colon < at && text.charCodeAt(colon) !== 58) {
      colon++;
      n.ops++;
    }
    if (at !== -1 && colon < at && (quoted || !hostThenText(text, a, colon, at, n)))
      spans.push({ start: colon + 1, end: at });
  }
  return spans;
}

// Separators around a scheme-less "user:password@host" (HTTPS_PROXY=alice:pw@proxy:3128): before the ":" the
// user ends at any of them; after it only whitespace or a double quote ends the token, since Go accepts ' = ( , ;
// in a password.
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function isUserBreak(c: number): boolean {
  return isSpace(c) || c === 34 || c === 39 || c === 61 || c === 40 || c === 44 || c === 59;
}

/** Where each scheme-less user:password@host's password lies (Go accepts "user:pw@proxy:3128" as a proxy). */
function barePasswords(text: string, n: ScanCounter): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isUserBreak(text.charCodeAt(i))) {
      i++;
      n.ops++;
    }
    const start = i;
    let colon = -1;
    let at = -1;
    let url = false;
    let userOk = true;
    for (; i < text.length; i++) {
      n.ops++;
      const c = text.charCodeAt(i);
      if (colon === -1) {
        if (isUserBreak(c)) break;
        if (c === 58) colon = i;
        else if (c === 47 || c === 64) userOk = false;
      } else if (isSpace(c) || c === 34) break;
      else if (c === 64) at = i;
      if (c === 58 && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) url = true;
    }
    if (url || !userOk || colon <= start || at === -1) continue;
    const h = text.charCodeAt(at + 1);
    if (isAlpha(h) || isDigit(h) || h === 91) spans.push({ start: colon + 1, end: at });
  }
  return spans;
}

// cntlm.conf's secrets are config lines, not URLs: "Password <pw>", "PassNT <hash>", "PassLM <hash>",
// "PassNTLMv2 <hash>" (cntlm(1); keywords are case-insensitive). A hash authenticates as well as the password, so
// both are secrets. Matched only as a line's first word (after a diff's "+", "-" or " " marker and indentation),
// so a sentence that merely contains the word keeps its text.
const CONFIG_SECRET_KEYS = new Set(['password', 'passnt', 'passlm', 'passntlmv2']);

/** Where each "Password value" config line's value lies; one pass over the lines. */
function configPasswords(text: string, n: ScanCounter): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    let eol = text.indexOf('\n', i);
    if (eol === -1) eol = text.length;
    n.ops += eol - i + 1;
    let j = i;
    const marker = text.charCodeAt(j);
    if (marker === 43 || marker === 45) j++; // a unified diff's + or -
    while (j < eol && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const word = j;
    while (j < eol && j - word <= 10 && (isAlpha(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    const key = text.slice(word, j).toLowerCase();
    if (CONFIG_SECRET_KEYS.has(key) && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      while (j < eol && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      let end = eol;
      while (end > j && isSpace(text.charCodeAt(end - 1))) end--;
      if (end > j) spans.push({ start: j, end });
    }
    i = eol + 1;
  }
  return spans;
}

/** The password of one whole value (an environment variable, a JSON string, a flag): all of it up to its last "@". */
function valuePassword(value: string): Span[] {
  const at = value.lastIndexOf('@');
  if (at === -1) return [];
  const scheme = value.indexOf('://');
  const from = scheme !== -1 && scheme < at ? scheme + 3 : 0;
  const colon = value.indexOf(':', from);
  return colon !== -1 && colon < at ? [{ start: colon + 1, end: at }] : [];
}

// Credential members of a Docker config.json (auths entries, credential helpers' answers); Go matches JSON
// keys case-insensitively.
const SECRET_KEYS = new Set(['auth', 'password', 'identitytoken', 'registrytoken']);

/** The end of the JSON string opening at `open` (its closing quote, or the line's end), escapes honoured. */
function stringEnd(text: string, open: number, n: ScanCounter): number {
  let i = open + 1;
  for (; i < text.length; i++) {
    n.ops++;
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34 || c === 10) return i;
  }
  return text.length;
}

function skipBlanks(text: string, i: number): number {
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r'))
    j++;
  return j;
}

/** Where each "auth"/"password"/"identitytoken"/"registrytoken" string value of JSON text lies. */
function jsonSecrets(text: string, n: ScanCounter): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('"');
  while (i !== -1) {
    const close = stringEnd(text, i, n);
    let next = close + 1;
    const key = close - i - 1 <= 16 ? text.slice(i + 1, close).toLowerCase() : '';
    if (SECRET_KEYS.has(key)) {
      const colon = skipBlanks(text, close + 1);
      n.ops += colon - close;
      const open = text[colon] === ':' ? skipBlanks(text, colon + 1) : -1;
      if (open !== -1 && text[open] === '"') {
        n.ops += open - colon;
        const end = stringEnd(text, open, n);
        if (end > open + 1) spans.push({ start: open + 1, end });
        next = end + 1;
      }
    }
    i = next < text.length ? text.indexOf('"', next) : -1;
  }
  return spans;
}

/**
 * The same, one level down: a config.json held as a JSON string (plan --json, a capture) has its quotes escaped,
 * \"auth\": \"…\". Values of these keys (base64, tokens) hold no backslash, so the next \" ends one.
 */
function escapedJsonSecrets(text: string, n: ScanCounter): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('\\"');
  while (i !== -1) {
    const close = text.indexOf('\\"', i + 2);
    if (close === -1) break;
    n.ops += close - i;
    let next = close + 2;
    const key = close - i - 2 <= 16 ? text.slice(i + 2, close).toLowerCase() : '';
    if (SECRET_KEYS.has(key)) {
      let j = next;
      while (text[j] === ' ') j++;
      if (text[j] === ':') {
        j++;
        while (text[j] === ' ') j++;
        if (text.startsWith('\\"', j)) {
          const end = text.indexOf('\\"', j + 2);
          if (end !== -1) {
            n.ops += end - j;
            if (end > j + 2) spans.push({ start: j + 2, end });
            next = end + 2;
          }
        }
      }
    }
    i = text.indexOf('\\"', next);
  }
  return spans;
}

function applySpans(text: string, spans: Span[], conceal: Conceal, n: ScanCounter): string {
  if (spans.length === 0) return text;
  spans.sort((x, y) => x.start - y.start);
  let out = '';
  let pos = 0;
  for (const sp of spans) {
    if (sp.start < pos) continue; // nested in one already masked
    const pw = text.slice(sp.start, sp.end);
    n.ops += pw.length;
    const hidden = text.slice(Math.max(sp.start - 6, 0), sp.end) === DOCKER_MASK ? pw : conceal(pw);
    out += text.slice(pos, sp.start) + hidden;
    pos = sp.end;
  }
  return out + text.slice(pos);
}

function hideSecrets(text: string, conceal: Conceal, n: ScanCounter): string {
  const urls = applySpans(text, urlPasswords(text, n), conceal, n);
  const bare = applySpans(urls, barePasswords(urls, n), conceal, n);
  const json = applySpans(bare, jsonSecrets(bare, n), conceal, n);
  const escaped = applySpans(json, escapedJsonSecrets(json, n), conceal, n);
  return applySpans(escaped, configPasswords(escaped, n), conceal, n);
}

function isAsciiPunct(c: number): boolean {
  return c > 32 && c < 127 && !isAlpha(c) && !isDigit(c);
}

function hexDigit(c: number): number {
  if (isDigit(c)) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** The byte a two-digit hex escape at i encodes, or -1. */
function hexValue(text: string, i: number): number {
  const hi = hexDigit(text.charCodeAt(i));
  const lo = hexDigit(text.charCodeAt(i + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/**
 * Capture redaction: every letter, digit and non-ASCII character of a password becomes "*", and so does a %XX
 * (or systemd's %%XX) escape that encodes one; ASCII punctuation, whitespace and escapes of punctuation stay, so
 * the escaping and quoting rules can still be checked on a capture but the secret does not survive.
 */
export function maskPassword(pw: string): string {
  let out = '';
  for (let i = 0; i < pw.length; i++) {
    const c = pw.charCodeAt(i);
    if (c === 37) {
      const pct = pw.charCodeAt(i + 1) === 37 ? '%%' : '%';
      const v = hexValue(pw, i + pct.length);
      if (v === -1) {
        out += pct;
        i += pct.length - 1;
      } else {
        out += isAsciiPunct(v) || v === 32 ? `${pct}${pw.slice(i + pct.length, i + pct.length + 2)}` : '*';
        i += pct.length + 1;
      }
    } else out += isAsciiPunct(c) || c === 32 || c === 9 ? pw[i] : '*';
  }
  return out;
}

/** Display redaction, for everything shown to a person: http://alice:secret@proxy:3128 → http://alice:***@proxy:3128 */
export function redactAll(text: string, counter: ScanCounter = { ops: 0 }): string {
  return hideSecrets(text, (pw) => (pw === '***' ? pw : '***'), counter);
}

/**
 * Display redaction of one whole value whose ends are known (an environment variable's value, a proxy flag):
 * its password runs to its last "@" whatever characters it holds, with or without a scheme.
 */
export function redactValue(value: string): string {
  const n = { ops: 0 };
  return redactAll(
    applySpans(value, valuePassword(value), () => '***', n),
    n,
  );
}

/** Capture redaction of one whole value (an environment variable's value). */
export function maskValue(value: string): string {
  const n = { ops: 0 };
  return maskText(applySpans(value, valuePassword(value), maskPassword, n), n);
}

/**
 * Display masking of text being typed (a wizard field): each character of every secret redactAll finds becomes "•",
 * so the text keeps its length in code points and a cursor over it keeps its place; the user can count what was
 * typed, never read it.
 */
export function maskEachChar(text: string, counter: ScanCounter = { ops: 0 }): string {
  return hideSecrets(text, (pw) => (isMasked(pw) ? pw : '•'.repeat(Array.from(pw).length)), counter);
}

/** Already all "•" (masking twice changes nothing); a loop, as the scanners here hold no regular expression. */
function isMasked(pw: string): boolean {
  for (const c of pw) if (c !== '•') return false;
  return true;
}

/** Capture redaction over any text (files, command output, environments). */
export function maskText(text: string, counter: ScanCounter = { ops: 0 }): string {
  return hideSecrets(text, maskPassword, counter);
}
