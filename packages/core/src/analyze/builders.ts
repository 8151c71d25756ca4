// Which builder each build command uses, and the environment its BuildKit runs with.
import {
  buildxCurrentPath,
  buildxInspectNamed,
  buildxInstancePath,
  CMD,
  containerInspect,
  type FileContext,
} from '../evidence/canonical.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import {
  type Builder,
  jsonText,
  parseBuildxInspect,
  parseBuildxInstance,
  parseBuildxLs,
  parseContainerInspect,
  parseJson,
} from '../formats/docker-output.js';
import { buildkitForEngine, isUnknownBuildkit, parseVersion, type Version } from '../formats/version.js';
import type { BuilderState, Origin } from './types.js';

function merge(a: Builder, b: Builder | null): Builder {
  if (!b) return a;
  return {
    ...a,
    driver: a.driver === 'unknown' ? b.driver : a.driver,
    error: a.error ?? b.error,
    nodes: a.nodes.map((n) => {
      const m = b.nodes.find((x) => x.name === n.name);
      if (!m) return n;
      return {
        ...n,
        driverOpts: Object.keys(n.driverOpts).length ? n.driverOpts : m.driverOpts,
        buildkitVersion: n.buildkitVersion ?? m.buildkitVersion,
        flags: n.flags.length ? n.flags : m.flags,
        labels: { ...m.labels, ...n.labels },
        buildkitdConfig: n.buildkitdConfig ?? m.buildkitdConfig,
        endpoint: n.endpoint ?? m.endpoint,
        status: n.status ?? m.status,
      };
    }),
  };
}

export interface DockerdForBuilders {
  env: Record<string, string> | null;
  origin: Origin | null;
  engine: Version | null;
  up: boolean;
  buildxInstalled: boolean;
}

/** One builder as buildx reports it, with its nodes' containers, the env its BuildKit runs with and its version. */
function builderState(ev: Evidence, ctx: FileContext, b: Builder, dockerd: DockerdForBuilders): BuilderState {
  const instance = ev.files[buildxInstancePath(ctx, b.name)];
  const recorded = instance ? parseBuildxInstance(instance) : null;
  const nodes = b.nodes.map((n) => {
    const platforms = recorded?.find((r) => r.name === n.name)?.platforms ?? n.platforms;
    const ci = b.driver === 'docker-container' ? findCommand(ev, containerInspect(n.name)) : undefined;
    return { ...n, platforms, container: ci?.exitCode === 0 ? parseContainerInspect(ci.stdout) : null };
  });
  let env: Record<string, string> | null = null;
  let envOrigin: Origin | null = null;
  if (b.driver === 'docker') {
    env = dockerd.env;
    envOrigin = dockerd.origin;
  } else if (b.driver === 'docker-container') {
    const node = nodes[0];
    if (node?.container) {
      env = node.container.env;
      envOrigin = { kind: 'command', ref: containerInspect(node.name).join(' ') };
    } else if (node) {
      env = Object.fromEntries(
        Object.entries(node.driverOpts)
          .filter(([k]) => k.startsWith('env.'))
          .map(([k, v]) => [k.slice(4), v]),
      );
      envOrigin = { kind: 'driver-opt', ref: `docker buildx inspect ${b.name}` };
    }
  }
  const reported = nodes.map((n) => n.buildkitVersion).find((v) => !isUnknownBuildkit(v));
  const buildkit =
    parseVersion(reported ?? null) ?? (b.driver === 'docker' ? buildkitForEngine(dockerd.engine) : null);
  const networkHost = nodes.some(
    (n) => n.driverOpts.network === 'host' || n.container?.networkMode === 'host',
  );
  return {
    name: b.name,
    driver: b.driver,
    current: b.current,
    error: b.error,
    nodes,
    env,
    envOrigin,
    buildkit,
    networkHost,
  };
}

/** Which builder `docker build` and `docker buildx build` use: BUILDX_BUILDER, else `docker buildx use`. */
export function selectBuilders(
  ev: Evidence,
  ctx: FileContext,
  builders: BuilderState[],
  current: Builder | null,
): {
  build: BuilderState | null;
  buildx: BuilderState | null;
  why: { docker: string; buildx: string; why: string };
} {
  const envBuilder = ctx.env.BUILDX_BUILDER;
  const byName = (n: string | undefined | null) => (n ? (builders.find((b) => b.name === n) ?? null) : null);
  const currentFile = ev.files[buildxCurrentPath(ctx)];
  const fileName = currentFile ? jsonText((parseJson(currentFile) as { Name?: unknown } | null)?.Name) : '';
  const defaultBuilder = builders.find((b) => b.driver === 'docker') ?? null;
  let buildx: BuilderState | null;
  let why: string;
  if (envBuilder) {
    buildx = byName(envBuilder);
    why = 'BUILDX_BUILDER is set, so both commands use that builder';
  } else {
    buildx = byName(current?.name) ?? byName(fileName) ?? builders.find((b) => b.current) ?? defaultBuilder;
    why =
      buildx && defaultBuilder && buildx !== defaultBuilder
        ? `docker build uses the default builder; docker buildx build uses "${buildx.name}", chosen with docker buildx use`
        : 'both commands use the default builder';
  }
  const build = envBuilder ? byName(envBuilder) : defaultBuilder;
  return { build, buildx, why: { docker: build?.name ?? 'default', buildx: buildx?.name ?? 'default', why } };
}

export function analyzeBuilders(
  ev: Evidence,
  ctx: FileContext,
  dockerd: DockerdForBuilders,
): {
  builders: BuilderState[];
  build: BuilderState | null;
  buildx: BuilderState | null;
  why: { docker: string; buildx: string; why: string };
} {
  const ls = findCommand(ev, CMD.buildxLs);
  let raw: Builder[] = ls?.exitCode === 0 ? parseBuildxLs(ls.stdout) : [];
  const cur = findCommand(ev, CMD.buildxInspect);
  const current = cur?.exitCode === 0 ? parseBuildxInspect(cur.stdout) : null;
  raw = raw.map((b) => {
    const named = findCommand(ev, buildxInspectNamed(b.name));
    // The doctor skips `inspect NAME` for the current builder: plain `docker buildx inspect` describes it.
    const detail =
      named?.exitCode === 0 ? parseBuildxInspect(named.stdout) : current?.name === b.name ? current : null;
    return merge(b, detail);
  });
  if (current && !raw.some((b) => b.name === current.name)) raw.push(current);
  // Nothing listed (no buildx, or buildx not asked because it has no builders of its own): the builder is
  // dockerd's embedded BuildKit — buildx lists it as "default" even while the daemon is down.
  if (raw.length === 0 && (dockerd.up || dockerd.buildxInstalled)) {
    raw.push({ name: 'default', driver: 'docker', current: true, error: null, nodes: [] });
  }
  const builders = raw.map((b) => builderState(ev, ctx, b, dockerd));
  return { builders, ...selectBuilders(ev, ctx, builders, current) };
}
