// containers.conf (Podman, Buildah): the proxy-relevant keys, read the way podman's TOML decoder (BurntSushi/toml)
// refuses a file. Real podman 4.3.1 on this machine: a duplicate key, a redefined table, a non-UTF-8 byte and a
// wrong type each make every podman command fail ("decode configuration …: toml: line 3 …"), so such a file is
// an error, not a file without proxy settings.
import { parse, TomlError } from 'smol-toml';
import type { FileError } from './json-file.js';

/** Bigger than any real containers.conf (Fedora's commented default is ~35 KB); the capture caps files at 1 MiB. */
export const MAX_CONTAINERS_CONF = 256 * 1024;
const MAX_DEPTH = 16;

export interface EnvEntry {
  name: string;
  value: string;
  /** 1-based line of the `env` key in the file */
  line: number;
}

export interface ContainersConf {
  path: string;
  /** [containers] http_proxy: null when the file does not set it (podman's default is true) */
  httpProxy: boolean | null;
  httpProxyLine: number | null;
  /** [containers] env: given to `podman run` containers, never to build RUN steps (captured, podman 4.3.1) */
  containersEnv: EnvEntry[] | null;
  /** [engine] env: the engine's own environment — pulls, and (captured) build RUN steps too */
  engineEnv: EnvEntry[] | null;
  /** entries podman warns about and drops ("invalid environment variable for engine X") */
  ignoredEnv: string[];
}

export type ContainersConfResult = { ok: true; conf: ContainersConf } | { ok: false; error: FileError };

/** The 1-based line of `key` inside `[table]` (first match), for pointing at what a user should edit. */
function keyLine(lines: string[], table: string, key: string): number | null {
  let current = '';
  const keyRe = new RegExp(`^\\s*${key}\\s*=`);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const header = /^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]/.exec(l);
    if (header) current = header[1]!;
    else if (current === table && keyRe.test(l)) return i + 1;
  }
  return null;
}

/** KEY=VALUE entries as podman splits them (at the first "="); entries without "=" are reported, not kept. */
function envEntries(
  raw: unknown,
  line: number,
  ignored: string[],
  path: string,
  key: string,
): EnvEntry[] | FileError {
  if (!Array.isArray(raw) || raw.some((e) => typeof e !== 'string'))
    return { path, line, column: 1, message: `${key} must be an array of "KEY=value" strings` };
  const out: EnvEntry[] = [];
  for (const e of raw as string[]) {
    const eq = e.indexOf('=');
    if (eq <= 0) ignored.push(e);
    else out.push({ name: e.slice(0, eq), value: e.slice(eq + 1), line });
  }
  return out;
}

function table(doc: Record<string, unknown>, name: string): Record<string, unknown> {
  const t = doc[name];
  return t && typeof t === 'object' && !Array.isArray(t) ? (t as Record<string, unknown>) : {};
}

export function parseContainersConf(path: string, text: string): ContainersConfResult {
  const fail = (line: number, column: number, message: string): ContainersConfResult => ({
    ok: false,
    error: { path, line, column, message },
  });
  if (text.length > MAX_CONTAINERS_CONF) return fail(1, 1, `larger than ${MAX_CONTAINERS_CONF} bytes`);
  // The capture decodes files as UTF-8, so a byte that is not UTF-8 arrives as U+FFFD; Go's decoder refuses it.
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1) {
    const before = text.slice(0, bad);
    return fail(before.split('\n').length, bad - before.lastIndexOf('\n'), 'invalid UTF-8 byte');
  }
  let doc: Record<string, unknown>;
  try {
    doc = parse(text, { maxDepth: MAX_DEPTH }) as Record<string, unknown>;
  } catch (e) {
    const te = e instanceof TomlError ? e : null;
    const msg = (te?.message ?? String(e)).split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    return fail(te?.line ?? 1, te?.column ?? 1, msg);
  }
  const lines = text.split('\n');
  const containers = table(doc, 'containers');
  const engine = table(doc, 'engine');
  const httpLine = keyLine(lines, 'containers', 'http_proxy');
  if (containers.http_proxy !== undefined && typeof containers.http_proxy !== 'boolean')
    return fail(httpLine ?? 1, 1, '[containers] http_proxy must be true or false');
  const ignoredEnv: string[] = [];
  const read = (t: Record<string, unknown>, name: string): EnvEntry[] | null | FileError => {
    if (t.env === undefined) return null;
    const line = keyLine(lines, name, 'env') ?? 1;
    return envEntries(t.env, line, ignoredEnv, path, `[${name}] env`);
  };
  const containersEnv = read(containers, 'containers');
  const engineEnv = read(engine, 'engine');
  for (const r of [containersEnv, engineEnv]) if (r && !Array.isArray(r)) return { ok: false, error: r };
  return {
    ok: true,
    conf: {
      path,
      httpProxy: typeof containers.http_proxy === 'boolean' ? containers.http_proxy : null,
      httpProxyLine: httpLine,
      containersEnv: containersEnv as EnvEntry[] | null,
      engineEnv: engineEnv as EnvEntry[] | null,
      ignoredEnv,
    },
  };
}
