// The runtime actor, dockerd: whether it answers, its version and kind (rootless, Desktop), every place its proxy
// is configured (daemon.json, the systemd unit, flags, its process) and the environment it really runs with.
import { resolveDaemon, type Tie } from '../daemons/resolve.js';
import {
  CMD,
  cliConfigPath,
  daemonJsonPath,
  type FileContext,
  systemctlShow,
} from '../evidence/canonical.js';
import { DEFAULT_SOCKET, localDaemonSocket } from '../evidence/endpoint.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import { type DockerInfo, parseDockerInfo, parseDockerVersion } from '../formats/docker-output.js';
import type { FileError } from '../formats/json-file.js';
import { parseSystemctlShow, type SystemctlUnit } from '../formats/systemctl.js';
import { parseVersion } from '../formats/version.js';
import { ignoredEnvFiles, proxyFlags, readDaemonJson, type UnitConfig, unitConfig } from './daemon-config.js';
import { canonicalName, effectiveOfEnv, envEntries, layer, NO_PROXY_SET, unitEntries } from './layers.js';
import { loopbackNetns } from './netns.js';
import type { ActorState, Layer, Origin, State } from './types.js';

export interface RuntimeAnalysis {
  docker: Omit<State['docker'], 'buildx'>;
  systemd: State['systemd'];
  daemonJson: State['daemonJson'];
  dockerdEnv: State['dockerdEnv'];
  dockerdTie: Tie | null;
  ignoredFiles: State['ignoredFiles'];
  /** daemon.json, the unit's drop-ins, the flags and the process environment, in this order */
  layers: Layer[];
  /** the environment dockerd runs with (docker info's view when it answers); null when nothing tells */
  env: Record<string, string> | null;
  origin: Origin | null;
  fileErrors: FileError[];
  actor: ActorState;
}

type DaemonStatus = State['docker']['daemon'];

export function daemonStatus(ev: Evidence): {
  status: DaemonStatus;
  error: string | null;
  cli: boolean;
  info: DockerInfo | null;
} {
  const version = findCommand(ev, CMD.dockerVersion);
  const infoCmd = findCommand(ev, CMD.dockerInfo);
  const cli = !!(version || infoCmd) && !(version?.error === 'not-found' || infoCmd?.error === 'not-found');
  if (!cli) return { status: 'absent', error: null, cli: false, info: null };
  const info = infoCmd?.exitCode === 0 ? parseDockerInfo(infoCmd.stdout) : null;
  if (version?.timedOut || infoCmd?.timedOut) {
    return { status: 'timeout', error: 'the docker daemon did not answer in time', cli, info: null };
  }
  if (info && info.serverErrors.length === 0 && info.serverVersion)
    return { status: 'up', error: null, cli, info };
  if (infoCmd?.exitCode === 0 && !info) {
    return {
      status: 'down',
      error: infoCmd.via
        ? `the daemon answered ${infoCmd.via} with something that is not JSON (is that socket really dockerd?)`
        : 'docker info answered with output that is not JSON (an unusual docker CLI or wrapper?)',
      cli,
      info: null,
    };
  }
  const err = (info?.serverErrors[0] ?? infoCmd?.stderr ?? version?.stderr ?? '').trim().split('\n')[0] ?? '';
  return { status: 'down', error: err || 'the docker daemon is not reachable', cli, info: null };
}

/** The engine version as text: docker info, else docker version's server part, else `dockerd --version`. */
export function engineTextOf(ev: Evidence, info: DockerInfo | null): string | null {
  const versionOut = parseDockerVersion(findCommand(ev, CMD.dockerVersion)?.stdout ?? '');
  const dockerdVersion = findCommand(ev, CMD.dockerdVersion);
  return (
    info?.serverVersion ??
    versionOut?.server ??
    (dockerdVersion?.exitCode === 0
      ? (/version\s+([^\s,]+)/i.exec(dockerdVersion.stdout)?.[1] ?? null)
      : null)
  );
}

/** Which docker unit runs the daemon, and whether it is rootless. */
/** The Go dockerd was built with, from docker version's Server part ("go1.21.10"); route's proxy choice needs it. */
function engineGoOf(ev: Evidence): string | null {
  return parseDockerVersion(findCommand(ev, CMD.dockerVersion)?.stdout ?? '')?.serverGo ?? null;
}

export function dockerdUnit(
  ev: Evidence,
  info: DockerInfo | null,
): { unit: SystemctlUnit | null; rootless: boolean } {
  const shown = (user: boolean): SystemctlUnit | null => {
    const c = findCommand(ev, systemctlShow('docker', user));
    return c?.exitCode === 0 ? parseSystemctlShow(c.stdout) : null;
  };
  const sysUnit = shown(false);
  const userUnit = shown(true);
  const rootless =
    (info?.securityOptions.some((s) => s.includes('rootless')) ?? false) ||
    /\/run\/user\/\d+\/docker\.sock/.test(ev.env.DOCKER_HOST ?? '') ||
    (!!userUnit?.loaded && !sysUnit?.loaded);
  return { unit: rootless ? userUnit : sysUnit, rootless };
}

/**
 * What dockerd runs with: docker info's answer when it gives one; else its process environment, the unit's, or
 * the unit files', with daemon.json (when this engine reads it) and the flags over them.
 */
export function dockerdEnvironment(
  info: DockerInfo | null,
  sources: {
    present: boolean;
    process: { pid: number; env: Record<string, string> | null } | null;
    unit: SystemctlUnit | null;
    uc: UnitConfig;
    fromConfig: Record<string, string>;
    unitLabel: string;
  },
): { env: Record<string, string> | null; origin: Origin | null } {
  if (info) {
    const env: Record<string, string> = {};
    if (info.httpProxy) env.HTTP_PROXY = info.httpProxy;
    if (info.httpsProxy) env.HTTPS_PROXY = info.httpsProxy;
    if (info.noProxy) env.NO_PROXY = info.noProxy;
    return { env, origin: { kind: 'command', ref: 'docker info' } };
  }
  if (!sources.present) return { env: null, origin: null };
  const { process, unit, uc } = sources;
  const env: Record<string, string> = {
    ...(process?.env ??
      unit?.environment ??
      Object.fromEntries([...uc.fileVars].map(([k, v]) => [k, v.value]))),
  };
  for (const [k, v] of Object.entries(sources.fromConfig)) {
    const c = canonicalName(k)!;
    env[c] = v;
    env[c.toLowerCase()] = v;
  }
  const origin: Origin = process
    ? { kind: 'process', ref: `dockerd (pid ${process.pid})` }
    : { kind: 'file', ref: sources.unitLabel };
  return { env, origin };
}

/**
 * The dockerd the CLI talks to (DOCKER_HOST, else the default socket), tied by the daemon resolver. Another
 * dockerd's environment says nothing about this one: untied, the process environment is unknown and docker info
 * is the authority. A bundle captured before processes carried argv and sockets keeps its one dockerd.
 */
export function tieDockerd(ev: Evidence, ctx: FileContext, rootless: boolean): Tie | null {
  const dockerds = ev.processes.filter((p) => p.name === 'dockerd');
  if (dockerds.length === 1 && dockerds[0]!.argv === undefined && dockerds[0]!.sockets === undefined)
    return {
      process: dockerds[0]!,
      how: 'argv',
      detail: 'the only dockerd in a capture without command lines',
    };
  const runtimeDir = ev.env.XDG_RUNTIME_DIR || (ev.host.uid ? `/run/user/${ev.host.uid}` : null);
  const defaults =
    rootless && runtimeDir
      ? { address: `unix://${runtimeDir}/docker.sock`, pidfile: `${runtimeDir}/docker.pid` }
      : { address: `unix://${DEFAULT_SOCKET}`, pidfile: '/var/run/docker.pid' };
  const host = ev.env.DOCKER_HOST;
  const sock = localDaemonSocket(ctx.env, ev.files[cliConfigPath(ctx)]);
  const address = host && !host.startsWith('unix://') ? host : sock ? `unix://${sock}` : null;
  if (!address) return null; // a context: its endpoint is not read here
  return resolveDaemon({ daemon: 'dockerd', address, processes: ev.processes, files: ev.files, defaults });
}

/** The environment dockerd really runs with, read from its process: the layer that wins over every file. */
function dockerdProcessLayer(proc: Tie['process'] | null): Layer[] {
  if (!proc?.env) return [];
  const ref = `dockerd (pid ${proc.pid})`;
  return [
    layer('dockerd-process', 'runtime', `${ref} environment`, envEntries(proc.env, { kind: 'process', ref })),
  ];
}

/** Under WSL the label says where dockerd runs, Desktop's VM or this distro: their proxies are set in different places. */
function runtimeLabel(rootless: boolean, desktop: boolean, wsl: boolean): string {
  if (rootless) return 'dockerd (rootless)';
  if (desktop) return wsl ? "dockerd (Docker Desktop's VM, not this WSL distro)" : 'dockerd (Docker Desktop)';
  return wsl ? 'dockerd (in this WSL distro)' : 'dockerd';
}

export function analyzeRuntime(ev: Evidence, ctx: FileContext): RuntimeAnalysis {
  const fileErrors: FileError[] = [];
  const { status, error, cli, info } = daemonStatus(ev);
  const engineText = engineTextOf(ev, info);
  const engine = parseVersion(engineText);
  const desktop =
    /Docker Desktop/i.test(info?.operatingSystem ?? '') || /desktop/i.test(ev.env.DOCKER_HOST ?? '');
  const { unit, rootless } = dockerdUnit(ev, info);
  const uc = unitConfig(ev, 'docker', rootless, ctx, unit);
  // daemon.json: rootless and Docker Desktop read their own copy; Engine < 23 does not know `proxies`.
  const djPath = daemonJsonPath(ctx.home, { desktop, rootless });
  const dj = readDaemonJson(djPath, ev.files[djPath]);
  if (dj.error) fileErrors.push(dj.error);
  const djEffective = (engine ? engine[0] >= 23 : true) && !desktop;
  const tie = tieDockerd(ev, ctx, rootless);
  const proc = tie?.process ?? null;
  const flags = proxyFlags(uc.execStart);
  const unitLabel = rootless ? 'the rootless docker systemd unit' : 'the docker systemd unit';

  const layers: Layer[] = [
    layer(
      'daemon-json',
      'runtime',
      djPath,
      Object.entries(dj.config?.proxies ?? {}).map(([k, v]) => ({
        name: k,
        value: v,
        origin: { kind: 'file' as const, ref: `${djPath}:${dj.config!.lines[k as 'http-proxy'] ?? 1}` },
      })),
      { effective: djEffective },
    ),
    layer('systemd', 'runtime', `${unitLabel} (drop-ins)`, unitEntries(uc.fileVars)),
    layer(
      'dockerd-flags',
      'runtime',
      'dockerd command-line flags',
      Object.entries(flags).map(([k, v]) => ({
        name: k,
        value: v,
        origin: { kind: 'file', ref: 'ExecStart' },
      })),
    ),
  ];
  layers.push(...dockerdProcessLayer(proc));

  const { env, origin } = dockerdEnvironment(info, {
    present: cli || !!unit || !!proc,
    process: proc,
    unit,
    uc,
    fromConfig: { ...(djEffective ? dj.config?.proxies : {}), ...flags },
    unitLabel,
  });
  const actor: ActorState = {
    actor: 'runtime',
    status: env ? 'known' : cli ? 'unknown' : 'absent',
    label: runtimeLabel(rootless, desktop, Boolean(ev.host.wsl)),
    proxy: env ? effectiveOfEnv(env, origin!) : NO_PROXY_SET,
    netns: loopbackNetns({ desktop, rootless }, 'host'),
    notes: [],
  };
  return {
    docker: {
      cli,
      daemon: status,
      daemonError: error,
      engine,
      engineText,
      engineGo: engineGoOf(ev),
      desktop,
      rootless,
      info,
    },
    systemd: {
      unit,
      user: rootless,
      fileVars: uc.fileVars,
      environmentVars: uc.environmentVars,
      problems: uc.problems,
      flags,
      environmentFiles: uc.environmentFiles,
    },
    daemonJson: dj.config,
    dockerdEnv: proc ? { pid: proc.pid, env: proc.env } : null,
    dockerdTie: tie,
    ignoredFiles: ignoredEnvFiles(ev, uc),
    layers,
    env,
    origin,
    fileErrors,
    actor,
  };
}
