// What a capture keeps of files it reads whole: a capture is made to be attached to bug reports, so the lines of
// environment files (/etc/environment, /etc/default/docker, a unit's EnvironmentFile=) and a Dockerfile's ARG and
// ENV values are kept only for the variables the analysis reads (isRelevantVar). Everything else is dropped,
// not masked: a token masked letter by letter still tells its length and punctuation.
import { parseSystemctlShow } from '../formats/systemctl.js';
import { findBadSpecifier, parseUnitFile } from '../formats/systemd.js';
import { isRelevantVar } from '../proxy/env.js';
import { shellRcPath } from './canonical.js';
import type { Evidence } from './schema.js';

/** Files of KEY=value lines the capture reads whole, whatever a unit says. */
export const ENVIRONMENT_FILES = ['/etc/environment', '/etc/default/docker', '/etc/sysconfig/docker'];

function keyOf(line: string): string | null {
  let s = line.trimStart();
  if (s.startsWith('export ')) s = s.slice(7).trimStart();
  const eq = s.indexOf('=');
  if (eq <= 0) return null;
  const key = s.slice(0, eq).trimEnd();
  for (const ch of key) if (!/[A-Za-z0-9_]/.test(ch)) return null;
  return key;
}

/**
 * An environment file with every line that does not set an allowed variable emptied (comments too: people park
 * old passwords there). Line numbers stay, so what the doctor cites still points at the right line.
 */
export function keepAllowedLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const key = keyOf(line);
      return key !== null && isRelevantVar(key) ? line : '';
    })
    .join('\n');
}

/** A Dockerfile with the value of every ARG and ENV that is not an allowed variable dropped (the name stays). */
export function dropDockerfileValues(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*(?:ARG|ENV)\s+)([A-Za-z_][A-Za-z0-9_]*)([=\s].*)?$/i.exec(line);
      if (!m || m[3] === undefined || isRelevantVar(m[2]!)) return line;
      return `${m[1]}${m[2]}`;
    })
    .join('\n');
}

/**
 * Every file the bundle names as an environment file: the fixed ones, each unit's EnvironmentFile=, and the
 * shell's start-up file (people export tokens there; a capture keeps only its proxy lines).
 */
export function environmentFilesOf(ev: Evidence): Set<string> {
  const out = new Set(ENVIRONMENT_FILES);
  for (const shell of ['zsh', 'bash', undefined]) out.add(shellRcPath(ev.host.home, shell));
  for (const [path, content] of Object.entries(ev.files)) {
    if (!content || !/\.(service|conf)$/.test(path)) continue;
    for (const a of parseUnitFile(path, content))
      if (a.key === 'EnvironmentFile' && a.value) out.add(a.value.replace(/^-/, ''));
  }
  for (const c of ev.commands) {
    if (c.argv[0] !== 'systemctl' || c.exitCode !== 0) continue;
    for (const f of parseSystemctlShow(c.stdout).environmentFiles) out.add(f.path);
  }
  return out;
}

/** Words of an Environment= value as systemd splits them (splitWords), each with its raw text and its name. */
function rawWords(value: string): { raw: string; name: string | null }[] {
  const out: { raw: string; name: string | null }[] = [];
  let start = -1;
  let quote: string | null = null;
  let name = '';
  let named = false;
  const end = (i: number) => {
    if (start >= 0) out.push({ raw: value.slice(start, i), name: named ? name : null });
    start = -1;
    name = '';
    named = false;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
      else if (!named && c === '=') named = true;
      else if (!named) name += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end(i);
      continue;
    }
    if (start < 0) start = i;
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (!named && c === '=') named = true;
    else if (!named) name += c;
  }
  end(value.length);
  return out;
}

/**
 * A systemd unit file or drop-in as a capture keeps it: every Environment= keeps only the words that set an
 * allowed variable (a word without "=" right after a kept one stays with it: it is what systemd split off a
 * badly quoted value, which the quoting rule reports), and comment lines that assign anything are emptied.
 * Continuation lines of a rewritten assignment are emptied, so line numbers stay where the doctor cites them.
 */
export function keepAllowedEnvironment(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    const trimmed = lines[i]!.trim();
    if ((trimmed.startsWith('#') || trimmed.startsWith(';')) && trimmed.includes('=')) {
      lines[i] = '';
      continue;
    }
    let logical = lines[i]!.replace(/\r$/, '');
    while (logical.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i]!.replace(/\r$/, '');
      logical = `${logical.slice(0, -1)} ${/^\s*[#;]/.test(next) ? '' : next}`;
    }
    const t = logical.trimStart();
    if (!t.startsWith('Environment') || t.slice(11).trimStart()[0] !== '=') continue;
    const value = t.slice(t.indexOf('=') + 1);
    if (value.trim() === '') continue; // "Environment=" resets the list: kept as it is
    let keep = false;
    const kept: string[] = [];
    const dropped: { raw: string; name: string | null }[] = [];
    for (const w of rawWords(value)) {
      keep = w.name === null ? keep : isRelevantVar(w.name);
      if (keep) kept.push(w.raw);
      else dropped.push(w);
    }
    // An unknown %-specifier anywhere makes systemd ignore the whole line. When only a dropped word had one, that
    // word keeps its name and the specifier (never its value): the line stays ignored, and the doctor says why.
    const ignored = (v: string) => findBadSpecifier(v)?.resolvedSilently === false;
    if (ignored(value) && !ignored(kept.join(' '))) {
      const w = dropped.find((d) => ignored(d.raw))!;
      const spec = findBadSpecifier(w.raw)!.specifier;
      const name = w.name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.name) ? w.name : 'DROPPED';
      kept.push(`${name}=${/^%[A-Za-z0-9!#$&()*+,./:<>?@^_{}|~-]?$/.test(spec) ? spec : '%!'}`);
    }
    const cr = lines[first]!.endsWith('\r') ? '\r' : '';
    lines[first] = kept.length ? `Environment=${kept.join(' ')}${cr}` : cr;
    for (let j = first + 1; j <= i; j++) lines[j] = '';
  }
  return lines.join('\n');
}

/** `systemctl show` answers: the Environment= property keeps only allowed variables too. */
export function keepAllowedShow(stdout: string): string {
  return stdout
    .split('\n')
    .map((l) => (l.startsWith('Environment=') ? keepAllowedEnvironment(l) : l))
    .join('\n');
}

/** A unit file or drop-in systemd reads (the capture reads them from the systemd folders only). */
export function isUnitFile(path: string): boolean {
  return path.includes('/systemd/') && (path.endsWith('.service') || path.endsWith('.conf'));
}
