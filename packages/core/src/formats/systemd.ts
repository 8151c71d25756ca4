// systemd unit files, drop-ins and EnvironmentFile= files, parsed by systemd's own rules:
// line continuation, comments, %-specifiers resolved before quoting, shell-like word splitting with C escapes.

export interface Located {
  path: string;
  line: number; // 1-based
}

export interface UnitAssignment extends Located {
  section: string;
  key: string;
  value: string; // raw, continuation lines joined
}

export interface EnvVarAssignment extends Located {
  name: string;
  value: string;
}

export type SystemdProblem =
  | (Located & { kind: 'specifier'; text: string; specifier: string; resolvedSilently: boolean })
  | (Located & { kind: 'quoting'; text: string; variable: string; swallowed: string[] })
  | (Located & { kind: 'invalid-assignment'; text: string; word: string })
  | (Located & { kind: 'export-line'; text: string; variable: string });

// Specifiers systemd knows (systemd.unit(5) "Specifiers"); any other %X makes the whole line fail.
const VALID_SPECIFIERS = new Set('aAbBCdEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY%'.split(''));

/** Split a unit file into assignments, joining backslash continuations and skipping comments. */
export function parseUnitFile(path: string, content: string): UnitAssignment[] {
  const out: UnitAssignment[] = [];
  const lines = content.split(/\r?\n/);
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    let line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} `;
      i++;
      const next = lines[i]!;
      // Comment lines inside a continuation are skipped by systemd.
      if (/^\s*[#;]/.test(next)) continue;
      line += next;
    }
    const t = line.trim();
    const sec = /^\[(.+)\]$/.exec(t);
    if (sec) {
      section = sec[1]!;
      continue;
    }
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    out.push({ path, line: startLine, section, key: t.slice(0, eq).trim(), value: t.slice(eq + 1).trim() });
  }
  return out;
}

/**
 * The %-specifier that matters in a value: the first unknown one (systemd fails the whole line on any of them),
 * else the first known one (silently replaced). "%%" is a literal percent.
 */
export function findBadSpecifier(value: string): { specifier: string; resolvedSilently: boolean } | null {
  let silent: string | null = null;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    const next = value[i + 1];
    if (next === '%') {
      i++;
      continue;
    }
    if (next === undefined || !VALID_SPECIFIERS.has(next))
      return { specifier: `%${next ?? ''}`, resolvedSilently: false };
    // A valid specifier inside a proxy URL (e.g. %C3 of a UTF-8 escape) is silently replaced by systemd.
    silent ??= `%${next}`;
    i++;
  }
  return silent === null ? null : { specifier: silent, resolvedSilently: true };
}

const C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  s: ' ',
};

/** systemd's extract_first_word loop with EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE. */
export function splitWords(value: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < value.length) {
        const n = value[++i]!;
        cur += C_ESCAPES[n] ?? n;
      } else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    if (c === '\\' && i + 1 < value.length) {
      const n = value[++i]!;
      cur += C_ESCAPES[n] ?? n;
      inWord = true;
      continue;
    }
    cur += c;
    inWord = true;
  }
  if (inWord) words.push(cur);
  return words;
}

function unescapePercents(value: string): string {
  return value.replace(/%%/g, '%');
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Resolve Environment= lines of one unit (in order) into variables, recording every way a line goes wrong. */
export function environmentFromAssignments(assignments: UnitAssignment[]): {
  vars: Map<string, EnvVarAssignment>;
  problems: SystemdProblem[];
  files: { path: string; optional: boolean; from: Located }[];
} {
  const vars = new Map<string, EnvVarAssignment>();
  const problems: SystemdProblem[] = [];
  const files: { path: string; optional: boolean; from: Located }[] = [];
  for (const a of assignments) {
    if (a.section !== 'Service') continue;
    const text = `${a.key}=${a.value}`;
    if (a.key === 'EnvironmentFile') {
      if (a.value === '') {
        files.length = 0;
        continue;
      }
      const optional = a.value.startsWith('-');
      files.push({ path: unescapePercents(optional ? a.value.slice(1) : a.value), optional, from: a });
      continue;
    }
    if (a.key !== 'Environment') continue;
    if (a.value === '') {
      vars.clear(); // an empty assignment resets the list
      continue;
    }
    const bad = findBadSpecifier(a.value);
    if (bad) {
      problems.push({ kind: 'specifier', path: a.path, line: a.line, text, ...bad });
      if (!bad.resolvedSilently) continue; // systemd: "Failed to resolve specifiers …, ignoring"
    }
    const words = splitWords(unescapePercents(a.value));
    for (const word of words) {
      const eq = word.indexOf('=');
      const name = eq > 0 ? word.slice(0, eq) : '';
      if (!VAR_NAME.test(name)) {
        problems.push({ kind: 'invalid-assignment', path: a.path, line: a.line, text, word });
        continue;
      }
      const value = word.slice(eq + 1);
      // One quoted word that holds several NAME=value pairs sets only the first variable.
      const swallowed = [...value.matchAll(/\s([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!);
      if (swallowed.length > 0) {
        problems.push({ kind: 'quoting', path: a.path, line: a.line, text, variable: name, swallowed });
      }
      vars.set(name, { path: a.path, line: a.line, name, value });
    }
  }
  return { vars, problems, files };
}

/** EnvironmentFile= format: KEY=VALUE lines, # and ; comments, quotes removed. `export` lines are not assignments. */
export function parseEnvironmentFile(
  path: string,
  content: string,
): { vars: Map<string, EnvVarAssignment>; problems: SystemdProblem[] } {
  const vars = new Map<string, EnvVarAssignment>();
  const problems: SystemdProblem[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#') || raw.startsWith(';')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) {
      const exp = /^export\s+([A-Za-z_][A-Za-z0-9_]*)=/.exec(raw);
      if (exp) problems.push({ kind: 'export-line', path, line: i + 1, text: raw, variable: exp[1]! });
      continue;
    }
    const words = splitWords(m[2]!);
    vars.set(m[1]!, {
      path,
      line: i + 1,
      name: m[1]!,
      value: words.length > 1 ? words.join(' ') : (words[0] ?? ''),
    });
  }
  return { vars, problems };
}

/** Shell-style env files (/etc/environment, /etc/default/docker read by a shell) including `export` lines. */
export function parseShellAssignments(path: string, content: string): EnvVarAssignment[] {
  const out: EnvVarAssignment[] = [];
  content.split(/\r?\n/).forEach((l, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(l);
    if (m) out.push({ path, line: i + 1, name: m[1]!, value: splitWords(m[2]!).join(' ') });
  });
  return out;
}
