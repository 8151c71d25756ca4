// The builder actor: BuildKit — dockerd's embedded one, a docker-container / kubernetes / remote builder, or a
// standalone buildkitd — with the environment it started with and the buildkitd.toml settings that matter.
import { parse as parseToml, TomlError } from 'smol-toml';
import { buildkitdTomlPaths, type FileContext, systemctlShow } from '../evidence/canonical.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import { jsonText } from '../formats/docker-output.js';
import type { FileError } from '../formats/json-file.js';
import { parseSystemctlShow } from '../formats/systemctl.js';
import type { Version } from '../formats/version.js';
import type { BuildctlState } from './buildctl.js';
import { analyzeBuilders } from './builders.js';
import { unitConfig } from './daemon-config.js';
import { effectiveOfEnv, envEntries, layer, NO_PROXY_SET, unitEntries } from './layers.js';
import { builderNetns, type DaemonPlace } from './netns.js';
import type { ActorState, BuilderState, Layer, Origin, State } from './types.js';

type Tomls = State['buildkitd']['tomls'];

/** The buildkitd.toml files on disk: CAs and mirrors per registry, and whether proxyNetwork is on. */
export function buildkitdTomls(ev: Evidence, paths: string[], errors: FileError[]): Tomls {
  const out: Tomls = [];
  for (const path of paths) {
    const content = ev.files[path];
    if (content == null) continue;
    try {
      const t = parseToml(content) as Record<string, unknown>;
      const registries: Record<string, { ca: string[]; mirrors: string[] }> = {};
      const reg = (t.registry ?? {}) as Record<string, Record<string, unknown>>;
      for (const [host, cfg] of Object.entries(reg)) {
        registries[host] = {
          ca: Array.isArray(cfg.ca) ? cfg.ca.map(jsonText) : [],
          mirrors: Array.isArray(cfg.mirrors) ? cfg.mirrors.map(jsonText) : [],
        };
      }
      const proxyNetwork = JSON.stringify(t).includes('"proxyNetwork":true');
      out.push({ path, proxyNetwork, registries });
    } catch (e) {
      const te = e instanceof TomlError ? e : null;
      errors.push({
        path,
        line: te?.line ?? 1,
        column: te?.column ?? 1,
        message: (te?.message ?? String(e)).split('\n')[0]!.replace(/^Invalid TOML document: /, ''),
      });
    }
  }
  return out;
}

/** proxyNetwork turned on inside a builder: in the buildkitd.toml buildx handed it, or as a flag. */
export function builderProxyNetwork(builders: BuilderState[]): Tomls {
  const out: Tomls = [];
  for (const b of builders) {
    const conf = b.nodes.find((n) => n.buildkitdConfig)?.buildkitdConfig;
    if (conf && /proxyNetwork\s*=\s*true/.test(conf))
      out.push({ path: `builder ${b.name}: buildkitd.toml`, proxyNetwork: true, registries: {} });
    if (b.nodes.some((n) => n.flags.includes('--proxy-network')))
      out.push({ path: `builder ${b.name}: --proxy-network`, proxyNetwork: true, registries: {} });
  }
  return out;
}

/** Each builder that is not dockerd itself, with the environment it was created with. */
export function builderLayers(builders: BuilderState[]): Layer[] {
  return builders
    .filter((b) => b.driver !== 'docker' && b.env)
    .map((b) =>
      layer(
        `builder:${b.name}`,
        'builder',
        `builder "${b.name}" (${b.driver})`,
        envEntries(b.env, b.envOrigin ?? { kind: 'driver-opt', ref: b.name }),
      ),
    );
}

/**
 * A standalone buildkitd: the environment of the process serving buildctl's address (tied by the daemon resolver;
 * another buildkitd's environment says nothing about it) and its systemd unit (buildkit.service, rootful or user).
 */
export function buildkitdService(
  ev: Evidence,
  ctx: FileContext,
  bctl: BuildctlState | null,
): { layers: Layer[]; processEnv: Record<string, string> | null; service: State['buildkitd']['service'] } {
  const proc = bctl?.tie?.process ?? null;
  const shown = findCommand(ev, systemctlShow('buildkit', bctl?.unitScope === 'user'));
  const service = bctl ? bctl.unit : shown?.exitCode === 0 ? parseSystemctlShow(shown.stdout) : null;
  const layers: Layer[] = [];
  if (proc?.env) {
    const ref = `buildkitd (pid ${proc.pid})`;
    layers.push(
      layer(
        'buildkitd-process',
        'builder',
        `${ref} environment`,
        envEntries(proc.env, { kind: 'process', ref }),
      ),
    );
  }
  const uc = bctl?.unitConfig ?? unitConfig(ev, 'buildkit', false, ctx, service);
  const scope = bctl?.unitScope === 'user' ? 'rootless ' : '';
  if (uc.fileVars.size > 0)
    layers.push(
      layer(
        'buildkit-systemd',
        'builder',
        `the ${scope}buildkit systemd unit (drop-ins)`,
        unitEntries(uc.fileVars),
      ),
    );
  return { layers, processEnv: proc?.env ?? null, service };
}

export function builderActor(bx: BuilderState | null, cli: boolean, daemon: DaemonPlace): ActorState {
  const label = bx
    ? `${bx.driver === 'docker' ? "dockerd's BuildKit" : 'buildkitd'} — builder "${bx.name}" (${bx.driver} driver)`
    : 'no builder found';
  return {
    actor: 'builder',
    status: bx?.env ? 'known' : bx ? 'unknown' : cli ? 'unknown' : 'absent',
    label,
    proxy: bx?.env ? effectiveOfEnv(bx.env, bx.envOrigin!) : NO_PROXY_SET,
    netns: builderNetns(bx, daemon),
    notes: [],
  };
}

export interface BuilderAnalysis {
  builders: BuilderState[];
  buildBuilder: BuilderState | null;
  buildxBuilder: BuilderState | null;
  builderSelection: State['builderSelection'];
  buildkitd: State['buildkitd'];
  /** builders' own environments, then a standalone buildkitd's process and unit */
  layers: Layer[];
  fileErrors: FileError[];
  actor: ActorState;
}

export function analyzeBuilder(
  ev: Evidence,
  ctx: FileContext,
  dockerd: {
    env: Record<string, string> | null;
    origin: Origin | null;
    engine: Version | null;
    up: boolean;
    cli: boolean;
    buildxInstalled: boolean;
    daemon: DaemonPlace;
  },
  bctl: BuildctlState | null = null,
): BuilderAnalysis {
  const b = analyzeBuilders(ev, ctx, {
    env: dockerd.up ? dockerd.env : null,
    origin: dockerd.origin,
    engine: dockerd.engine,
    up: dockerd.up,
    buildxInstalled: dockerd.buildxInstalled,
  });
  const service = buildkitdService(ev, ctx, bctl);
  const fileErrors: FileError[] = [];
  const tomls = [
    ...buildkitdTomls(ev, buildkitdTomlPaths(ctx), fileErrors),
    ...builderProxyNetwork(b.builders),
  ];
  return {
    builders: b.builders,
    buildBuilder: b.build,
    buildxBuilder: b.buildx,
    builderSelection: b.why,
    buildkitd: { tomls, processEnv: service.processEnv, service: service.service },
    layers: [...builderLayers(b.builders), ...service.layers],
    fileErrors,
    actor: builderActor(b.buildx, dockerd.cli, dockerd.daemon),
  };
}
