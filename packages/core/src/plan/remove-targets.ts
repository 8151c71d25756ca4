// The removers of `plan --remove`, one per target that writes files (remove.ts says what counts as buildproxy's).
import { canonicalName } from '../analyze/layers.js';
import type { BuilderState, State } from '../analyze/types.js';
import { daemonJsonPath, dockerConfigDir, dropInDirs, proxyShPath } from '../evidence/canonical.js';
import type { Evidence } from '../evidence/schema.js';
import { HEADER, malformedJson } from './context.js';
import { jsonObjectEmpty, removeJsonPath } from './json-edit.js';
import { sentence } from './sentences.js';
import { recreateArgv } from './targets/buildx-docker-container.js';
import { BLOCK_END, BLOCK_START } from './targets/client-shell.js';
import type { FileChange, PlanCommand, Target } from './types.js';

export interface Removal {
  changes: FileChange[];
  commands: PlanCommand[];
  refused: string[];
  /** what stays, said to the user */
  notes: string[];
}

export interface Ctx {
  state: State;
  evidence: Evidence;
  home: string;
}

const empty = (): Removal => ({ changes: [], commands: [], refused: [], notes: [] });

function read(ctx: Ctx, path: string): string | null {
  return ctx.evidence.files[path] ?? null;
}

function removal(
  ctx: Ctx,
  target: Target,
  path: string,
  mode: FileChange['mode'],
  before: string,
  after: string | null,
  why: string,
): FileChange {
  return {
    path,
    mode,
    needsRoot: !path.startsWith(`${ctx.home}/`),
    before,
    after: after ?? '',
    ...(after === null ? { remove: true as const } : {}),
    rules: [],
    target,
    why,
  };
}

/** A whole file buildproxy created (its first line is HEADER): remove it. */
function ownFile(ctx: Ctx, out: Removal, target: Target, path: string, mode: FileChange['mode']): boolean {
  const text = read(ctx, path);
  if (text === null) return false;
  if (!text.startsWith(HEADER)) {
    out.notes.push(`${path} was not written by buildproxy (no "${HEADER}" line): left as it is`);
    return false;
  }
  out.changes.push(removal(ctx, target, path, mode, text, null, 'written by buildproxy'));
  return true;
}

function systemd(ctx: Ctx, target: Target, unit: 'docker' | 'buildkit', user: boolean): Removal {
  const out = empty();
  const dir = dropInDirs(unit, { home: ctx.home, env: ctx.state.client })[user ? 'user' : 'system'][0]!;
  const conf = ownFile(ctx, out, target, `${dir}/http-proxy.conf`, '0644');
  const env = ownFile(ctx, out, target, `${dir}/http-proxy.env`, '0600');
  for (const [path, text] of Object.entries(ctx.evidence.files))
    if (path.startsWith(`${dir}/`) && text?.includes('# disabled by buildproxy'))
      out.notes.push(`${path}: the proxy lines buildproxy commented out stay commented out`);
  if (conf || env) {
    const sc = user ? ['systemctl', '--user'] : ['systemctl'];
    out.commands.push(
      {
        argv: [...sc, 'daemon-reload'],
        why: sentence('systemd.systemd-re-reads-unit'),
        needsRoot: !user,
        disruptive: false,
        target,
      },
      {
        argv: [...sc, 'restart', unit],
        why: `${unit === 'docker' ? 'dockerd' : 'buildkitd'} drops the proxy only when it restarts`,
        needsRoot: !user,
        disruptive: true,
        target,
      },
    );
  }
  return out;
}

/**
 * Remove `keys` under `parent` from the JSON text as it is now; then each object on the way that this left empty.
 * Refused (never rewritten) when an edit along the path would not be safe.
 */
function jsonKeys(
  ctx: Ctx,
  out: Removal,
  target: Target,
  path: string,
  mode: FileChange['mode'],
  parent: string[],
  keys: string[],
  why: string,
): boolean {
  const text = read(ctx, path);
  if (text === null || text.trim() === '') return false;
  const bad = malformedJson(
    path,
    text,
    keys.map((k) => [...parent, k]),
  );
  if (bad) {
    out.refused.push(bad);
    return false;
  }
  let after = text;
  for (const k of keys) after = removeJsonPath(after, [...parent, k]);
  if (after === text) return false;
  for (let i = parent.length; i > 0; i--) {
    if (!jsonObjectEmpty(after, parent.slice(0, i))) break;
    after = removeJsonPath(after, parent.slice(0, i));
  }
  out.changes.push(removal(ctx, target, path, mode, text, after, why));
  return true;
}

function daemonJson(ctx: Ctx, target: Target): Removal {
  const out = empty();
  for (const rootless of [false, true]) {
    const path = daemonJsonPath(ctx.home, { rootless });
    const done = jsonKeys(
      ctx,
      out,
      target,
      path,
      '0644',
      ['proxies'],
      ['http-proxy', 'https-proxy', 'no-proxy'],
      'the proxies buildproxy sets in daemon.json; every other key stays',
    );
    if (done)
      out.commands.push({
        argv: rootless ? ['systemctl', '--user', 'restart', 'docker'] : ['systemctl', 'restart', 'docker'],
        why: 'dockerd reads daemon.json only at start',
        needsRoot: !rootless,
        disruptive: true,
        target,
      });
  }
  return out;
}

function cliConfig(ctx: Ctx, target: Target): Removal {
  const out = empty();
  const path = `${dockerConfigDir({ home: ctx.home, env: ctx.state.client })}/config.json`;
  const key = ctx.state.configJson?.perHost ?? 'default';
  jsonKeys(
    ctx,
    out,
    target,
    path,
    '0600',
    ['proxies', key],
    ['httpProxy', 'httpsProxy', 'noProxy'],
    'the proxies buildproxy sets for RUN steps; auths and every other key stay',
  );
  return out;
}

export function withoutBlock(text: string): string | null {
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END, start);
  if (start < 0 || end < 0) return null;
  let tail = text.slice(end + BLOCK_END.length);
  if (tail.startsWith('\n')) tail = tail.slice(1);
  let head = text.slice(0, start);
  // withBlock put one blank line before the block: take it out too.
  if (head.endsWith('\n\n')) head = head.slice(0, -1);
  return head + tail;
}

function clientShell(ctx: Ctx, target: Target): Removal {
  const out = empty();
  ownFile(ctx, out, target, proxyShPath(ctx.home), '0600');
  ownFile(ctx, out, target, `${ctx.home}/.config/fish/conf.d/buildproxy.fish`, '0600');
  for (const rc of ['.profile', '.bashrc', '.zshrc']) {
    const path = `${ctx.home}/${rc}`;
    const text = read(ctx, path);
    const after = text === null ? null : withoutBlock(text);
    if (text !== null && after !== null)
      out.changes.push(removal(ctx, target, path, '0644', text, after, 'the block buildproxy added'));
  }
  return out;
}

function buildkitdToml(ctx: Ctx, target: Target): Removal {
  const out = empty();
  for (const path of [
    '/etc/buildkit/buildkitd.toml',
    `${ctx.home}/.config/buildkit/buildkitd.toml`,
    `${dockerConfigDir({ home: ctx.home, env: ctx.state.client })}/buildx/buildkitd.default.toml`,
  ]) {
    const text = read(ctx, path);
    if (text?.startsWith(HEADER)) ownFile(ctx, out, target, path, '0644');
  }
  return out;
}

function buildx(ctx: Ctx, target: Target): Removal {
  const out = empty();
  const seen = new Set<string>();
  for (const b of [ctx.state.buildBuilder, ctx.state.buildxBuilder, ...ctx.state.builders]) {
    if (b?.driver !== 'docker-container' || seen.has(b.name)) continue;
    seen.add(b.name);
    if (!proxyOpts(b)) continue;
    const conf = `${dockerConfigDir({ home: ctx.home, env: ctx.state.client })}/buildx/buildkitd-${b.name}.toml`;
    const hasConf = b.nodes.some((n) => n.buildkitdConfig) && read(ctx, conf) !== null;
    out.commands.push(
      {
        argv: ['docker', 'buildx', 'rm', '--keep-state', b.name],
        why: `a builder's environment is fixed when its container is created; --keep-state keeps the build cache`,
        needsRoot: false,
        disruptive: true,
        target,
      },
      {
        argv: recreateArgv(b, [], { networkHost: false, configPath: hasConf ? conf : null }),
        why: `recreates "${b.name}" as it is, without the proxy driver options`,
        needsRoot: false,
        disruptive: false,
        target,
      },
    );
  }
  return out;
}

function proxyOpts(b: BuilderState): boolean {
  return b.nodes.some((n) =>
    Object.keys(n.driverOpts ?? {}).some((k) => k.startsWith('env.') && canonicalName(k.slice(4))),
  );
}

/** The targets that write something on a machine; the others only print snippets (nothing to take out). */
export const REMOVERS: Partial<Record<Target, (ctx: Ctx, t: Target) => Removal>> = {
  'docker-systemd': (c, t) => systemd(c, t, 'docker', false),
  'docker-systemd-rootless': (c, t) => systemd(c, t, 'docker', true),
  'docker-daemon-json': daemonJson,
  'docker-cli-config': cliConfig,
  'buildx-docker-container': buildx,
  'buildkitd-systemd': (c, t) => {
    const sys = systemd(c, t, 'buildkit', false);
    const user = systemd(c, t, 'buildkit', true);
    return {
      changes: [...sys.changes, ...user.changes],
      commands: [...sys.commands, ...user.commands],
      refused: [...sys.refused, ...user.refused],
      notes: [...sys.notes, ...user.notes],
    };
  },
  'buildkitd-toml': buildkitdToml,
  'client-shell': clientShell,
};
