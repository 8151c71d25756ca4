// The analysed state the rules read: for each actor, the effective proxy and where every value came from.
import type { BuildCommand } from '../command/parse.js';
import type { NetworkEvidence } from '../evidence/network.js';
import type { Evidence } from '../evidence/schema.js';
import type { Builder, ContainerInfo, DockerInfo } from '../formats/docker-output.js';
import type { FileError } from '../formats/json-file.js';
import type { HostNet } from '../formats/proc-net.js';
import type { SystemctlUnit } from '../formats/systemctl.js';
import type { EnvVarAssignment, SystemdProblem } from '../formats/systemd.js';
import type { Version } from '../formats/version.js';
import type { BuildctlState } from './buildctl.js';

/** The four network actors of a build, in the order every report lists them. */
export const ACTORS = ['client', 'runtime', 'builder', 'run'] as const;
export type Actor = (typeof ACTORS)[number];

/** Where a value was read: a file and line, a command, a process, or the user's flags. */
export interface Origin {
  kind: 'file' | 'command' | 'process' | 'env' | 'driver-opt' | 'profile';
  ref: string; // "/etc/docker/daemon.json:3", "docker info", "dockerd (pid 812)", "shell", "builder ci"
}

export interface VarValue {
  name: string; // as written: HTTP_PROXY, http_proxy, http-proxy, httpProxy
  value: string;
  origin: Origin;
}

/** One place proxy variables are configured, e.g. a drop-in, daemon.json, a builder's env. */
export interface Layer {
  id: string;
  actor: Actor;
  label: string;
  /** normalised upper-case variable → values as found (both cases kept) */
  vars: Partial<Record<'HTTP_PROXY' | 'HTTPS_PROXY' | 'NO_PROXY' | 'ALL_PROXY' | 'FTP_PROXY', VarValue[]>>;
  /** true when the consumer is a Go program (dockerd, buildkitd, buildx) */
  go: boolean;
  /** the layer is effective for its actor (false: ignored file, overridden, not loaded) */
  effective: boolean;
}

export interface EffectiveProxy {
  http: VarValue | null;
  https: VarValue | null;
  noProxy: VarValue | null;
  all: VarValue | null;
}

export type Netns =
  | 'host'
  | 'bridge'
  | 'builder-container'
  | 'rootless'
  | 'vm'
  | 'pod'
  | 'remote'
  | 'unknown';

export interface ActorState {
  actor: Actor;
  /** known: we saw its configuration; unknown: we could not look; absent: not part of this setup */
  status: 'known' | 'unknown' | 'absent';
  label: string;
  proxy: EffectiveProxy;
  netns: Netns;
  notes: string[];
}

export interface BuilderState {
  name: string;
  driver: string;
  current: boolean;
  error: string | null;
  nodes: (Builder['nodes'][number] & { container: ContainerInfo | null })[];
  /** proxy env buildkitd runs with: known for docker (= dockerd) and docker-container (container env) */
  env: Record<string, string> | null;
  envOrigin: Origin | null;
  buildkit: Version | null;
  networkHost: boolean;
  /** driver "buildkitd" (the standalone daemon buildctl reaches): its process and address */
  pid?: number;
  address?: string;
}

export interface DockerfileFacts {
  path: string;
  syntax: { line: number; image: string } | null;
  envProxy: { line: number; name: string; text: string }[];
  argProxy: { line: number; name: string; text: string }[];
  gitSources: { line: number; text: string }[];
  addUrls: { line: number; text: string }[];
  /** the first RUN/ENV that gives the image a CA (update-ca-certificates, SSL_CERT_FILE…); null: none */
  caInstall: { line: number; text: string } | null;
}

export interface DaemonJson {
  path: string;
  proxies: Partial<Record<'http-proxy' | 'https-proxy' | 'no-proxy', string>> | null;
  lines: Partial<Record<'http-proxy' | 'https-proxy' | 'no-proxy', number>>;
}

export interface State {
  host: Evidence['host'];
  /** the laptop around the engine: system proxies (env first), Docker Desktop, WSL (analyze/platform.ts) */
  platform: {
    systemProxies: import('./platform.js').SystemProxy[];
    desktop: import('./platform.js').DesktopState | null;
    wsl: import('./platform.js').WslState | null;
    /** the PAC file's answers, when `doctor --network` fetched and ran it (analyze/pac.ts) */
    pac: import('./pac.js').PacState | null;
  };
  docker: {
    cli: boolean;
    daemon: 'up' | 'down' | 'timeout' | 'absent';
    daemonError: string | null;
    engine: Version | null;
    engineText: string | null;
    /** the Go dockerd was built with, from `docker version` ("go1.21.10"); distributions rebuild with their own */
    engineGo: string | null;
    desktop: boolean;
    rootless: boolean;
    info: DockerInfo | null;
    buildx: string | null; // buildx version ("v0.13.1"), null when not installed
  };
  systemd: {
    unit: SystemctlUnit | null;
    user: boolean; // which scope the daemon runs in
    fileVars: Map<string, EnvVarAssignment>; // what the unit files + drop-ins + env files set
    environmentVars: Map<string, EnvVarAssignment>; // Environment= lines only (what systemctl show reports)
    problems: SystemdProblem[];
    flags: Partial<Record<'http-proxy' | 'https-proxy' | 'no-proxy', string>>;
    environmentFiles: string[];
  };
  daemonJson: DaemonJson | null;
  /** the dockerd the CLI reaches, tied to its process by the daemon resolver; its environment, when readable */
  dockerdEnv: { pid: number; env: Record<string, string> | null } | null;
  /** how that dockerd was tied (socket, argv, pidfile); null: no process is tied, docker info is the authority */
  dockerdTie: import('../daemons/resolve.js').Tie | null;
  builders: BuilderState[];
  /** the builder `docker build` uses, and the one `docker buildx build` uses */
  buildBuilder: BuilderState | null;
  buildxBuilder: BuilderState | null;
  builderSelection: { docker: string; buildx: string; why: string };
  configJson: {
    path: string;
    default: Partial<Record<'httpProxy' | 'httpsProxy' | 'noProxy' | 'ftpProxy' | 'allProxy', string>> | null;
    perHost: string | null;
  } | null;
  buildkitd: {
    tomls: {
      path: string;
      proxyNetwork: boolean;
      registries: Record<string, { ca: string[]; mirrors: string[] }>;
    }[];
    processEnv: Record<string, string> | null;
    service: SystemctlUnit | null;
  };
  /** buildctl's address and the standalone buildkitd serving it; null when buildctl plays no part here */
  buildctl: BuildctlState | null;
  /** that buildkitd as a builder (driver "buildkitd"), used by `buildctl build` */
  buildctlBuilder: BuilderState | null;
  /**
   * Which builder the user's build reaches — the builder actor: the command given with --command decides; without
   * one, buildx's builder when docker is here, else a standalone buildkitd. Read this, not the driver of a builder.
   */
  builderKind: BuilderKind;
  /** the build command given with --command, parsed */
  buildCommand: BuildCommand | null;
  dockerfile: DockerfileFacts | null;
  fileErrors: FileError[];
  /** files that exist but could not be read (permission denied) */
  unreadable: string[];
  /** files too large to read (over 1 MiB) */
  oversize: string[];
  /** listening TCP sockets and docker0's address (Linux captures); null: not captured */
  hostNet: HostNet | null;
  /** what `doctor --network` asked and the network answered; null: not probed */
  network: NetworkEvidence | null;
  /** the corporate CA buildproxy's ca-trust target installs is in the host store (HOST_CA_COPY exists) */
  hostCaInstalled: boolean;
  ignoredFiles: { path: string; vars: EnvVarAssignment[]; why: 'not-read' | 'export' }[];
  layers: Layer[];
  actors: Record<Actor, ActorState>;
  client: Record<string, string>;
  /** Podman/Buildah, and Docker inside a Colima, Lima or Rancher Desktop VM (analyze/podman.ts, vm-engines.ts) */
  engines: Engines;
}

export interface Engines {
  podman: import('./podman.js').PodmanState | null;
  vm: import('./vm-engines.js').VmEnginesState;
  /** the --command when it is a podman, buildah or podman-compose build */
  command: import('../command/engines.js').EngineCommand | null;
}

export type BuilderKind =
  | 'dockerd' // docker driver: dockerd's embedded BuildKit
  | 'docker-container' // buildx docker-container builder
  | 'kubernetes' // buildx kubernetes builder
  | 'remote' // buildx remote builder
  | 'buildkitd' // a standalone buildkitd reached by buildctl
  | 'none';

export interface Profile {
  httpProxy: string | null;
  httpsProxy: string | null;
  noProxy: string[];
  registries: string[];
  /** pull-through mirrors of docker.io (written to buildkitd.toml) */
  mirrors: string[];
  caCert: string | null;
  /** the proxy runs on this host, reachable at 127.0.0.1 (a local cntlm, px…) */
  proxyOnHost: boolean;
  /** where the intended proxy came from */
  source: 'flags' | 'inferred' | 'none';
  sourceLabel: string | null;
}

export interface ProfileInput {
  proxy?: string;
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
  registries?: string[];
  mirrors?: string[];
  caCert?: string;
  proxyOnHost?: boolean;
}
