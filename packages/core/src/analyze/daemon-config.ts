// dockerd's proxy configuration from its three sources: systemd (unit, drop-ins, EnvironmentFile=),
// daemon.json `proxies` (Engine ≥23, beats the environment) and --http-proxy style flags.
import {
  dropInDirs,
  type FileContext,
  LEGACY_DOCKER_ENV_FILES,
  unitFileCandidates,
} from '../evidence/canonical.js';
import type { Evidence } from '../evidence/schema.js';
import { type FileError, lineColumn, parseStrictJson } from '../formats/json-file.js';
import type { SystemctlUnit } from '../formats/systemctl.js';
import {
  type EnvVarAssignment,
  environmentFromAssignments,
  parseEnvironmentFile,
  parseShellAssignments,
  parseUnitFile,
  type SystemdProblem,
  type UnitAssignment,
} from '../formats/systemd.js';
import { canonicalName } from './layers.js';
import type { DaemonJson, State } from './types.js';

export interface UnitConfig {
  /** the environment the unit gives the daemon: Environment= lines, then EnvironmentFile= contents over them */
  fileVars: Map<string, EnvVarAssignment>;
  /** Environment= lines only — what `systemctl show -p Environment` reports once loaded */
  environmentVars: Map<string, EnvVarAssignment>;
  problems: SystemdProblem[];
  environmentFiles: string[];
  execStart: string[] | null;
  /** drop-ins on disk, in systemd's order */
  dropIns: string[];
}

/** Drop-ins are applied in file-name order across all folders; /etc wins over /run over /usr/lib for a name. */
function orderedDropIns(ev: Evidence, dirs: string[]): string[] {
  const byName = new Map<string, string>();
  for (const dir of [...dirs].reverse()) {
    for (const [path, content] of Object.entries(ev.files)) {
      if (content === null || !path.startsWith(`${dir}/`) || !path.endsWith('.conf')) continue;
      byName.set(path.slice(dir.length + 1), path);
    }
  }
  return [...byName.keys()].sort().map((n) => byName.get(n)!);
}

export function unitConfig(
  ev: Evidence,
  unit: 'docker' | 'buildkit',
  user: boolean,
  ctx: FileContext,
  shown: SystemctlUnit | null,
): UnitConfig {
  const scope = user ? 'user' : 'system';
  const mainFile =
    (shown?.fragmentPath && ev.files[shown.fragmentPath] != null ? shown.fragmentPath : null) ??
    unitFileCandidates(unit, ctx)[scope].find((p) => ev.files[p] != null) ??
    null;
  const dropIns = orderedDropIns(ev, dropInDirs(unit, ctx)[scope]);
  const assignments: UnitAssignment[] = [];
  for (const p of [mainFile, ...dropIns]) if (p) assignments.push(...parseUnitFile(p, ev.files[p]!));
  const { vars, problems, files } = environmentFromAssignments(assignments);
  const environmentVars = new Map(vars);
  const environmentFiles: string[] = [];
  for (const f of files) {
    environmentFiles.push(f.path);
    const content = ev.files[f.path];
    if (content == null) continue;
    const parsed = parseEnvironmentFile(f.path, content);
    problems.push(...parsed.problems);
    for (const [k, v] of parsed.vars) vars.set(k, v); // EnvironmentFile= overrides Environment=
  }
  let execStart: string[] | null = shown?.execStart ?? null;
  if (!execStart) {
    const last = assignments.filter((a) => a.key === 'ExecStart' && a.value !== '').pop();
    execStart = last ? last.value.replace(/^[-@:+!]+/, '').split(/\s+/) : null;
  }
  return { fileVars: vars, environmentVars, problems, environmentFiles, execStart, dropIns };
}

export function proxyFlags(
  argv: string[] | null,
): Partial<Record<'http-proxy' | 'https-proxy' | 'no-proxy', string>> {
  const out: Partial<Record<'http-proxy' | 'https-proxy' | 'no-proxy', string>> = {};
  if (!argv) return out;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(http-proxy|https-proxy|no-proxy)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) continue;
    out[m[1] as 'http-proxy'] = m[2] ?? argv[++i] ?? '';
  }
  return out;
}

export function readDaemonJson(
  path: string,
  content: string | null | undefined,
): { config: DaemonJson | null; error: FileError | null } {
  if (content == null) return { config: null, error: null };
  const parsed = parseStrictJson(path, content);
  if (!parsed.ok) return { config: null, error: parsed.error };
  const root = parsed.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return {
      config: null,
      error: { path, line: 1, column: 1, message: 'daemon.json must hold a JSON object' },
    };
  }
  const proxies = (root as Record<string, unknown>).proxies;
  if (proxies === undefined) return { config: { path, proxies: null, lines: {} }, error: null };
  if (typeof proxies !== 'object' || proxies === null || Array.isArray(proxies)) {
    const at = lineColumn(content, content.indexOf('"proxies"'));
    return {
      config: null,
      error: { path, ...at, message: '"proxies" must be an object with http-proxy, https-proxy, no-proxy' },
    };
  }
  const out: DaemonJson = { path, proxies: {}, lines: {} };
  for (const key of ['http-proxy', 'https-proxy', 'no-proxy'] as const) {
    const v = (proxies as Record<string, unknown>)[key];
    if (typeof v === 'string') {
      out.proxies![key] = v;
      const idx = content.indexOf(`"${key}"`);
      if (idx >= 0) out.lines[key] = lineColumn(content, idx).line;
    }
  }
  return { config: out, error: null };
}

/** Files people put proxies in that dockerd never reads: a legacy env file the unit does not load, `export` lines. */
export function ignoredEnvFiles(ev: Evidence, uc: UnitConfig): State['ignoredFiles'] {
  const ignored: State['ignoredFiles'] = [];
  for (const path of LEGACY_DOCKER_ENV_FILES) {
    const content = ev.files[path];
    if (content == null) continue;
    const vars = parseShellAssignments(path, content).filter((v) => canonicalName(v.name));
    if (vars.length === 0) continue;
    if (!uc.environmentFiles.includes(path)) ignored.push({ path, vars, why: 'not-read' });
  }
  for (const p of uc.problems) {
    if (p.kind !== 'export-line' || !canonicalName(p.variable)) continue;
    const existing = ignored.find((f) => f.path === p.path && f.why === 'export');
    const v = { path: p.path, line: p.line, name: p.variable, value: '' };
    if (existing) existing.vars.push(v);
    else ignored.push({ path: p.path, vars: [v], why: 'export' });
  }
  return ignored;
}

/** The environment systemd would give the docker unit from these files (unit, drop-ins, EnvironmentFile=). */
export function dropInEnvironment(
  files: Record<string, string | null>,
  home: string,
  user = false,
): Record<string, string> {
  const ev = { files } as Evidence;
  const uc = unitConfig(ev, 'docker', user, { home, env: {} }, null);
  return Object.fromEntries([...uc.fileVars].map(([k, v]) => [k, v.value]));
}
