// The builder `buildctl build` reaches: the address (--addr, BUILDKIT_HOST, the default socket), the buildkitd
// process serving it (the shared daemon resolver), and the proxy that buildkitd runs with — its environment,
// else its systemd unit (rootful or rootless), else the container's environment for docker-container://.

import {
  type AddressSource,
  type BuildkitAddress,
  buildctlAddress,
  helperInspectArgv,
  rootlessBuildkitSocket,
} from '../daemons/buildkit-host.js';
import { resolveDaemon, type Tie } from '../daemons/resolve.js';
import { canonicalSocketPath } from '../daemons/unix-sockets.js';
import { CMD, type FileContext, systemctlShow } from '../evidence/canonical.js';
import { type Evidence, findCommand, type ProcessInfo } from '../evidence/schema.js';
import { parseContainerInspect, parsePodEnv } from '../formats/docker-output.js';
import { parseSystemctlShow, type SystemctlUnit } from '../formats/systemctl.js';
import { pickRelevant } from '../proxy/env.js';
import { type UnitConfig, unitConfig } from './daemon-config.js';
import { effectiveOfEnv, NO_PROXY_SET } from './layers.js';
import type { ActorState, BuilderState, Netns, Origin } from './types.js';

export interface BuildctlState {
  address: BuildkitAddress;
  source: AddressSource;
  /** the buildkitd serving that address, and how it was tied to it */
  tie: Tie | null;
  /** buildkitd processes on this machine that buildctl does NOT reach (another socket, a rootless one) */
  others: ProcessInfo[];
  /** a rootless buildkitd runs at $XDG_RUNTIME_DIR/buildkit/buildkitd.sock while buildctl uses the default */
  rootlessMismatch: string | null;
  unit: SystemctlUnit | null;
  unitScope: 'system' | 'user';
  unitConfig: UnitConfig;
  /** a buildkit.service exists (systemctl loaded it, or its unit file or a drop-in is on disk) */
  systemd: boolean;
  /** buildctl answered `debug workers` */
  reachable: boolean;
  version: string | null;
  builder: BuilderState;
}

function unitFor(ev: Evidence, user: boolean): SystemctlUnit | null {
  const c = findCommand(ev, systemctlShow('buildkit', user));
  return c?.exitCode === 0 ? parseSystemctlShow(c.stdout) : null;
}

/** Whether buildctl is part of this machine's story at all: asked about, configured, or a buildkitd runs. */
export function buildctlRelevant(ev: Evidence, commandTool: string | null): boolean {
  if (commandTool === 'buildctl' || ev.env.BUILDKIT_HOST) return true;
  return ev.processes.some((p) => p.name === 'buildkitd');
}

/** The proxy environment of that buildkitd: its process, else what systemd loaded, the container's, the unit files'. */
function buildkitdEnv(
  ev: Evidence,
  w: {
    proc: ProcessInfo | null;
    unit: SystemctlUnit | null;
    userScope: boolean;
    address: BuildkitAddress;
    systemd: boolean;
    uc: UnitConfig;
  },
): { env: Record<string, string> | null; envOrigin: Origin | null } {
  const { proc, unit, userScope, address, systemd, uc } = w;
  let env: Record<string, string> | null = null;
  let envOrigin: Origin | null = null;
  if (proc?.env) {
    env = proc.env;
    envOrigin = { kind: 'process', ref: `buildkitd (pid ${proc.pid})` };
  } else if (unit?.loaded && unit.environment) {
    env = pickRelevant(unit.environment);
    envOrigin = { kind: 'command', ref: systemctlShow('buildkit', userScope).slice(0, 3).join(' ') };
  } else if (helperInspectArgv(address)) {
    // docker-, podman-, nerdctl-container:// and kube-pod://: the container's or pod's own environment.
    const argv = helperInspectArgv(address)!;
    const ci = findCommand(ev, argv);
    const found =
      ci?.exitCode === 0
        ? address.kind === 'kube-pod'
          ? parsePodEnv(ci.stdout)
          : (parseContainerInspect(ci.stdout)?.env ?? null)
        : null;
    if (found) {
      env = found;
      envOrigin = { kind: 'command', ref: argv.join(' ') };
    }
  } else if (!proc && systemd && uc.fileVars.size > 0) {
    env = Object.fromEntries([...uc.fileVars].map(([k, v]) => [k, v.value]));
    envOrigin = { kind: 'file', ref: `the buildkit systemd unit (${userScope ? 'user' : 'system'})` };
  }
  return { env, envOrigin };
}

export function analyzeBuildctl(ev: Evidence, ctx: FileContext, commandAddr: string | null): BuildctlState {
  const { address, source } = buildctlAddress(ev.env, commandAddr);
  const uid = ev.host.uid;
  const rootlessSock = rootlessBuildkitSocket(ev.env.XDG_RUNTIME_DIR, uid);
  const rootful = uid === 0 || uid === null;
  const addr = address.raw;
  const tie =
    address.kind === 'unix' || address.kind === 'tcp'
      ? resolveDaemon({
          daemon: 'buildkitd',
          address: addr,
          processes: ev.processes,
          files: ev.files,
          defaults: {
            address: addr,
            config: rootful ? '/etc/buildkit/buildkitd.toml' : `${ctx.home}/.config/buildkit/buildkitd.toml`,
          },
        })
      : null;
  const others = ev.processes.filter((p) => p.name === 'buildkitd' && p !== tie?.process);
  const rootlessTied =
    rootlessSock && source === 'default' && !tie
      ? resolveDaemon({
          daemon: 'buildkitd',
          address: `unix://${rootlessSock}`,
          processes: ev.processes,
          files: ev.files,
          defaults: { address: `unix://${rootlessSock}` },
        })
      : null;
  const rootlessMismatch =
    rootlessTied ||
    (rootlessSock && others.some((p) => p.sockets?.some((s) => canonicalSocketPath(s) === rootlessSock)))
      ? rootlessSock
      : null;
  // A rootless buildkitd (a user unit) when the address is under /run/user/UID, or the user unit is the one loaded.
  const sysUnit = unitFor(ev, false);
  const userUnit = unitFor(ev, true);
  // …or the only buildkitd is a rootless one, or a user runs buildctl with no system unit loaded.
  const userScope =
    (address.path?.startsWith('/run/user/') ?? false) ||
    rootlessMismatch !== null ||
    (!!userUnit?.loaded && !sysUnit?.loaded) ||
    (!rootful && !tie && !sysUnit?.loaded);
  const unit = userScope ? userUnit : sysUnit;
  const uc = unitConfig(ev, 'buildkit', userScope, ctx, unit);
  const systemd = !!unit?.loaded || uc.dropIns.length > 0 || uc.execStart !== null;

  const proc = tie?.process ?? null;
  const { env, envOrigin } = buildkitdEnv(ev, { proc, unit, userScope, address, systemd, uc });
  const workers = findCommand(ev, CMD.buildctlWorkers);
  const versionCmd = findCommand(ev, CMD.buildctlVersion);
  const version =
    versionCmd?.exitCode === 0 ? (/\bv?\d+\.\d+\.\d+\S*/.exec(versionCmd.stdout)?.[0] ?? null) : null;
  const where = proc ? `standalone buildkitd (pid ${proc.pid})` : 'standalone buildkitd';
  const builder: BuilderState = {
    name: `${where} at ${addr}`,
    driver: 'buildkitd',
    current: false,
    error: null,
    nodes: [],
    env,
    envOrigin,
    buildkit: null,
    networkHost: address.kind === 'unix' || address.kind === 'tcp',
    ...(proc ? { pid: proc.pid } : {}),
    address: addr,
  };
  return {
    address,
    source,
    tie,
    others,
    rootlessMismatch,
    unit,
    unitScope: userScope ? 'user' : 'system',
    unitConfig: uc,
    systemd,
    reachable: workers?.exitCode === 0,
    version,
    builder,
  };
}

/** Where the buildkitd buildctl reaches runs its requests (and, with its OCI worker's host network, RUN steps). */
export function buildkitdNetns(b: BuildctlState): Netns {
  const k = b.address.kind;
  if (k === 'docker-container' || k === 'podman-container' || k === 'nerdctl-container')
    return 'builder-container';
  if (k === 'kube-pod') return 'pod';
  if (k === 'ssh' || (k === 'tcp' && !b.tie)) return 'remote';
  return b.unitScope === 'user' || b.address.path?.startsWith('/run/user/') ? 'rootless' : 'host';
}

/** The builder actor when the build is buildctl's. */
export function buildkitdActor(b: BuildctlState): ActorState {
  const bk = b.builder;
  return {
    actor: 'builder',
    status: bk.env ? 'known' : 'unknown',
    label: `${bk.name} — buildctl (${b.source === 'default' ? 'its default address' : b.source})`,
    proxy: bk.env ? effectiveOfEnv(bk.env, bk.envOrigin!) : NO_PROXY_SET,
    netns: buildkitdNetns(b),
    notes: [],
  };
}
