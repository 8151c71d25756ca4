import { sentence } from '../sentences.js';
// buildkitd-toml: the corporate CA per registry (and docker.io) in buildkitd.toml, existing tables kept.

import { parse, stringify } from 'smol-toml';
import { dockerConfigDir } from '../../evidence/canonical.js';
import type { Target } from '../../targets.js';
import { change, HEADER, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import type { TargetResult } from '../types.js';

/** The same test buildkitd-systemd uses to pick the user unit: the scope of the buildkitd buildctl reaches, or
 * else no system service and not root. */
function rootlessBuildkitd(ctx: PlanContext): boolean {
  if (ctx.state.buildctl) return ctx.state.buildctl.unitScope === 'user';
  const uid = ctx.state.host.uid;
  return ctx.state.buildkitd.service?.loaded !== true && uid !== 0 && uid !== null;
}

/** A buildkitd.toml with `ca = [ca]` for docker.io and each host, existing tables and entries kept; null: not TOML. */
export function tomlWithCa(text: string | null, ca: string, hosts: string[]): string | null {
  let doc: Record<string, unknown> = {};
  if (text !== null && text.trim() !== '') {
    try {
      doc = parse(text) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const registry = { ...((doc.registry as Record<string, Record<string, unknown>>) ?? {}) };
  for (const host of ['docker.io', ...hosts]) {
    const list = Array.isArray(registry[host]?.ca) ? (registry[host]!.ca as string[]) : [];
    registry[host] = { ...(registry[host] ?? {}), ca: list.includes(ca) ? list : [...list, ca] };
  }
  doc.registry = registry;
  return `${stringify(doc)}\n`;
}

function buildkitdToml(ctx: PlanContext, target: Target): TargetResult {
  const ca = ctx.profile.caCert;
  const mirrors = ctx.profile.mirrors;
  if (!ca && mirrors.length === 0) return refuse(sentence('buildkitd-toml.nothing-write-pass-ca'));
  const standalone =
    !!ctx.state.buildctl || ctx.state.buildkitd.service?.loaded || ctx.state.buildkitd.processEnv !== null;
  const path =
    ctx.state.buildkitd.tomls.find((t) => t.path.startsWith('/'))?.path ??
    (standalone
      ? rootlessBuildkitd(ctx)
        ? // rootless buildkitd reads $XDG_CONFIG_HOME/buildkit/buildkitd.toml (BuildKit docs/rootless.md)
          `${ctx.state.host.home}/.config/buildkit/buildkitd.toml`
        : '/etc/buildkit/buildkitd.toml'
      : `${dockerConfigDir({ home: ctx.state.host.home, env: ctx.state.client })}/buildx/buildkitd.default.toml`);
  const text = ctx.read(path) ?? null;
  let doc: Record<string, unknown> = {};
  if (text !== null && text.trim() !== '') {
    try {
      doc = parse(text) as Record<string, unknown>;
    } catch (e) {
      return refuse(`${path} is not valid TOML (${(e as Error).message.split('\n')[0]}); fix it first`);
    }
  }
  const registry = { ...((doc.registry as Record<string, Record<string, unknown>>) ?? {}) };
  const merge = (existing: unknown, add: string[]) => {
    const list = Array.isArray(existing) ? (existing as string[]) : [];
    return [...list, ...add.filter((x) => !list.includes(x))];
  };
  if (ca) {
    for (const host of ['docker.io', ...ctx.profile.registries, ...mirrors]) {
      registry[host] = { ...(registry[host] ?? {}), ca: merge(registry[host]?.ca, [ca]) };
    }
  }
  if (mirrors.length)
    registry['docker.io'] = {
      ...(registry['docker.io'] ?? {}),
      mirrors: merge(registry['docker.io']?.mirrors, mirrors),
    };
  doc.registry = registry;
  const body = stringify(doc);
  const after = text?.startsWith(HEADER) || text === null ? `${HEADER}\n${body}\n` : `${body}\n`;
  return ok([
    change(ctx, {
      path,
      mode: '0644',
      needsRoot: path.startsWith('/etc/'),
      after,
      target,
      why: standalone
        ? sentence('buildkitd-toml.buildkitd-trusts-corporate-ca')
        : sentence('buildkitd-toml.new-docker-container-builders'),
    }),
  ]);
}

export const buildkitdTomlTarget: TargetDefinition<'buildkitd-toml'> = {
  id: 'buildkitd-toml',
  generate: buildkitdToml,
  declares: {
    files: [
      { path: '/etc/buildkit/buildkitd.toml', mode: '0644' },
      { path: '{home}/.config/buildkit/buildkitd.toml', mode: '0644' },
      { path: '{dockerConfig}/buildx/buildkitd.default.toml', mode: '0644' },
    ],
    commands: [],
  },
};
