// build.args of a compose file (compose-spec: a map, or a list of "NAME=value" / "NAME"), with the file's
// ${VAR} / ${VAR:-default} / $VAR interpolation from the user's shell. Parsed by the yaml library with duplicate
// keys rejected (as compose does), aliases capped and input size capped.
import { parse } from 'yaml';
import type { ScanCounter } from '../proxy/redact.js';

export const MAX_COMPOSE = 1024 * 1024;
export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export interface ComposeArgs {
  service: string;
  args: { name: string; value: string | null }[];
}

function interpolate(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (all, braced?: string, colon?: string, dflt?: string, bare?: string) => {
      if (all === '$$') return '$';
      const name = (braced ?? bare)!;
      const v = env[name];
      if (dflt !== undefined && (v === undefined || (colon === ':' && v === ''))) return dflt;
      return v ?? '';
    },
  );
}

/** Deepest flow nesting ([ {) and indentation a compose file may have; real ones stay under 10 and 40. */
export const MAX_FLOW_DEPTH = 32;
export const MAX_INDENT = 256;

/**
 * Why the yaml library must not see this text, or null. It recurses once per nesting level: 1 000 "[" overflow
 * its stack and 10 000 abort node with "RegExpCompiler Allocation failed - process out of memory" (measured with
 * yaml 2, node 20), which no try/catch survives. One pass, before parsing: flow brackets outside quotes and
 * comments, and leading spaces.
 */
export function nestingProblem(
  text: string,
  n: ScanCounter = { ops: 0 },
  what = 'the compose file',
): string | null {
  let depth = 0;
  let quote = 0;
  let indent = 0;
  let lineStart = true;
  // The last character that is not a space: a quote opens a quoted scalar only where a scalar starts (line start,
  // after ": ", "- ", "[", "{", ","), as in YAML; inside a plain scalar (it's) it is a letter.
  let prev = 10;
  for (let i = 0; i < text.length; i++) {
    n.ops++;
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote && quote === 39 && text.charCodeAt(i + 1) === 39)
        i++; // '' inside '…'
      else if (c === quote) {
        quote = 0;
        prev = c;
      } else if (c === 92 && quote === 34) i++;
      continue;
    }
    if (c === 10) {
      lineStart = true;
      indent = 0;
      prev = 10;
      continue;
    }
    if (c === 32 || c === 9) {
      if (lineStart && c === 32 && ++indent > MAX_INDENT)
        return `${what} is indented deeper than ${MAX_INDENT} columns`;
      continue;
    }
    lineStart = false;
    const after = text.charCodeAt(i - 1);
    if (
      (c === 34 || c === 39) &&
      (prev === 10 ||
        prev === 44 ||
        prev === 91 ||
        prev === 123 ||
        ((prev === 58 || prev === 45 || prev === 63) && (after === 32 || after === 9)))
    )
      quote = c;
    else if (c === 35 && (i === 0 || after <= 32)) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      n.ops += end - i;
      i = end - 1;
      continue;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_FLOW_DEPTH) return `${what} nests [ or { deeper than ${MAX_FLOW_DEPTH} levels`;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
    prev = c;
  }
  return null;
}

/** Throws an Error naming the problem when the file is not a compose file the doctor can read. */
export function composeBuildArgs(text: string, env: Readonly<Record<string, string>>): ComposeArgs[] {
  if (text.length > MAX_COMPOSE) throw new Error(`the compose file is larger than ${MAX_COMPOSE} bytes`);
  const deep = nestingProblem(text);
  if (deep) throw new Error(deep);
  // logLevel "error": warnings (an unknown !tag) are not printed to stderr, where the file's text would land unfiltered.
  const doc = parse(text, {
    uniqueKeys: true,
    maxAliasCount: 100,
    prettyErrors: false,
    logLevel: 'error',
  }) as unknown;
  const services = (doc as { services?: unknown } | null)?.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return [];
  const out: ComposeArgs[] = [];
  for (const [service, def] of Object.entries(services as Record<string, unknown>)) {
    const build = (def as { build?: unknown } | null)?.build;
    if (!build || typeof build !== 'object') continue;
    const raw = (build as { args?: unknown }).args;
    const args: ComposeArgs['args'] = [];
    if (Array.isArray(raw)) {
      for (const item of raw) {
        if (typeof item !== 'string') continue;
        const eq = item.indexOf('=');
        if (eq < 0) args.push({ name: item, value: env[item] ?? null });
        else args.push({ name: item.slice(0, eq), value: interpolate(item.slice(eq + 1), env) });
      }
    } else if (raw && typeof raw === 'object') {
      for (const [name, v] of Object.entries(raw as Record<string, unknown>)) {
        if (v === null || v === undefined) args.push({ name, value: env[name] ?? null });
        else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          args.push({ name, value: interpolate(String(v), env) });
      }
    }
    out.push({ service, args });
  }
  return out;
}
