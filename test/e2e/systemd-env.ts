// An independent reading of systemd's rules for Environment= in unit files and drop-ins, used by the e2e suite to
// derive the environment a restarted daemon gets from what `buildproxy apply` wrote — never the product's own
// parser. Written from systemd's sources (src/shared/conf-parser.c for lines and continuations, config_parse_environ
// in src/core/load-fragment.c, extract_first_word with EXTRACT_CUNESCAPE|EXTRACT_UNQUOTE in src/basic/extract-word.c,
// cunescape in src/basic/escape.c) and checked against systemd.exec(5)'s examples in systemd-env.test.ts.

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
};

/** One C escape at text[i] (just after the backslash): [decoded, characters consumed]. */
function cEscape(text: string, i: number): [string, number] {
  const c = text[i];
  if (c === undefined) throw new Error('trailing backslash');
  if (c in SIMPLE) return [SIMPLE[c]!, 1];
  if (c === 'x' && /^[0-9a-fA-F]{2}/.test(text.slice(i + 1)))
    return [String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 3), 16)), 3];
  if (c === 'u' && /^[0-9a-fA-F]{4}/.test(text.slice(i + 1)))
    return [String.fromCodePoint(Number.parseInt(text.slice(i + 1, i + 5), 16)), 5];
  if (c === 'U' && /^[0-9a-fA-F]{8}/.test(text.slice(i + 1)))
    return [String.fromCodePoint(Number.parseInt(text.slice(i + 1, i + 9), 16)), 9];
  if (/^[0-7]{3}/.test(text.slice(i)))
    return [String.fromCharCode(Number.parseInt(text.slice(i, i + 3), 8)), 3];
  throw new Error(`invalid escape \\${c}`);
}

/** extract_first_word(EXTRACT_CUNESCAPE|EXTRACT_UNQUOTE) over a whole value: the words, quotes removed. */
export function words(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[ \t\n\r]/.test(value[i]!)) i++;
    if (i >= value.length) break;
    let w = '';
    let quote: string | null = null;
    for (; i < value.length; i++) {
      const c = value[i]!;
      if (c === '\\') {
        const [d, n] = cEscape(value, i + 1);
        w += d;
        i += n;
      } else if (quote) {
        if (c === quote) quote = null;
        else w += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (/[ \t\n\r]/.test(c)) break;
      else w += c;
    }
    if (quote) throw new Error('unterminated quote');
    out.push(w);
  }
  return out;
}

/** Specifiers: only "%%" is expected in what buildproxy writes; any other one is refused, not guessed. */
function specifiers(value: string): string {
  return value.replace(/%(.)/g, (_, c: string) => {
    if (c === '%') return '%';
    throw new Error(`specifier %${c} is not handled by this reader`);
  });
}

/** Logical lines of a unit file: comments dropped, backslash-newline continuations joined with a space. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let cont: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const t = line.trimStart();
    if (cont !== null && (t.startsWith('#') || t.startsWith(';'))) continue;
    if (cont === null && (t === '' || t.startsWith('#') || t.startsWith(';'))) continue;
    const joined: string = cont === null ? t : `${cont} ${line}`;
    if (joined.endsWith('\\')) cont = joined.slice(0, -1);
    else {
      out.push(joined);
      cont = null;
    }
  }
  if (cont !== null) out.push(cont);
  return out;
}

/** The environment the [Service] Environment= lines of these files (in systemd's order) give the process. */
export function serviceEnvironment(files: string[]): Record<string, string> {
  let env: Record<string, string> = {};
  for (const text of files) {
    let section = '';
    for (const line of logicalLines(text)) {
      const sec = /^\[(.+)\]\s*$/.exec(line);
      if (sec) {
        section = sec[1]!;
        continue;
      }
      const eq = line.indexOf('=');
      if (section !== 'Service' || eq < 0) continue;
      if (line.slice(0, eq).trim() !== 'Environment') continue;
      const value = line.slice(eq + 1).trim();
      if (value === '') {
        env = {};
        continue;
      }
      for (const w of words(specifiers(value))) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w);
        if (m) env[m[1]!] = m[2]!; // an invalid assignment is logged and ignored by systemd
      }
    }
  }
  return env;
}
