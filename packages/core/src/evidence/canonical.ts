// The exact argv of every probe. Analysis looks commands up by these, so they are part of the evidence contract.

export const SYSTEMCTL_PROPS =
  '--property=Environment,EnvironmentFiles,ExecStart,ActiveEnterTimestamp,FragmentPath,DropInPaths';

export const CMD = {
  dockerVersion: ['docker', 'version', '--format', '{{json .}}'],
  dockerInfo: ['docker', 'info', '--format', '{{json .}}'],
  dockerdVersion: ['dockerd', '--version'],
  buildxVersion: ['docker', 'buildx', 'version'],
  /** the plugin's own version report, without the docker CLI around it (binary found in the CLI's plugin folders) */
  buildxMetadata: ['docker-buildx', 'docker-cli-plugin-metadata'],
  buildxLs: ['docker', 'buildx', 'ls', '--format', 'json'],
  buildxInspect: ['docker', 'buildx', 'inspect'],
  buildctlVersion: ['buildctl', '--version'],
  buildctlWorkers: ['buildctl', 'debug', 'workers', '--verbose'],
} as const;

export type Unit = 'docker' | 'buildkit';

export function systemctlShow(unit: Unit, user: boolean): string[] {
  return user
    ? ['systemctl', '--user', 'show', unit, SYSTEMCTL_PROPS]
    : ['systemctl', 'show', unit, SYSTEMCTL_PROPS];
}

export function buildxInspectNamed(name: string): string[] {
  return ['docker', 'buildx', 'inspect', name];
}

export function containerInspect(node: string): string[] {
  return ['docker', 'container', 'inspect', `buildx_buildkit_${node}`];
}

export const DAEMON_PROCESSES = ['dockerd', 'buildkitd', 'containerd', 'rootlesskit'] as const;

export interface FileContext {
  home: string;
  env: Record<string, string>;
}

export function dockerConfigDir(ctx: FileContext): string {
  return ctx.env.DOCKER_CONFIG || `${ctx.home}/.docker`;
}

/** The docker CLI's config.json: its `proxies` become build args for RUN steps. */
export function cliConfigPath(ctx: FileContext): string {
  return `${dockerConfigDir(ctx)}/config.json`;
}

/** The daemon the CLI talks to when DOCKER_HOST is unset: the key config.json `proxies` are looked up by. */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** Where sysvinit-era packages kept dockerd's environment; docker.service never reads them unless told to. */
export const LEGACY_DOCKER_ENV_FILES = ['/etc/default/docker', '/etc/sysconfig/docker'] as const;

/** buildkitd.toml: a system buildkitd, a rootless one, and the default buildx gives new docker-container builders. */
export function buildkitdTomlPaths(ctx: FileContext): string[] {
  return [
    '/etc/buildkit/buildkitd.toml',
    `${ctx.home}/.config/buildkit/buildkitd.toml`,
    `${dockerConfigDir(ctx)}/buildx/buildkitd.default.toml`,
  ];
}

/** The builder `docker buildx use` chose (JSON with its Name). */
export function buildxCurrentPath(ctx: FileContext): string {
  return `${dockerConfigDir(ctx)}/buildx/current`;
}

/** Where buildx keeps a builder it created: its nodes as created (endpoint, driver options, flags, platforms). */
export function buildxInstancePath(ctx: FileContext, name: string): string {
  return `${dockerConfigDir(ctx)}/buildx/instances/${name}`;
}

/** Folders whose *.conf drop-ins systemd merges into a unit, system and user scope. */
export function dropInDirs(unit: Unit, ctx: FileContext): { system: string[]; user: string[] } {
  const name = `${unit}.service.d`;
  return {
    system: [
      `/etc/systemd/system/${name}`,
      `/run/systemd/system/${name}`,
      `/usr/lib/systemd/system/${name}`,
      `/lib/systemd/system/${name}`,
    ],
    user: [`${ctx.home}/.config/systemd/user/${name}`],
  };
}

export function unitFileCandidates(unit: Unit, ctx: FileContext): { system: string[]; user: string[] } {
  const name = `${unit}.service`;
  return {
    system: [`/etc/systemd/system/${name}`, `/usr/lib/systemd/system/${name}`, `/lib/systemd/system/${name}`],
    user: [`${ctx.home}/.config/systemd/user/${name}`],
  };
}

/**
 * The start-up file of the user's login shell (by $SHELL): the client-shell target adds the line that loads its
 * proxy file there, so the capture reads it like any other file and `plan --from` plans what a live plan does.
 */
export function shellRcPath(home: string, shell: string | undefined): string {
  if (shell?.endsWith('zsh')) return `${home}/.zshrc`;
  if (shell?.endsWith('bash')) return `${home}/.bashrc`;
  return `${home}/.profile`;
}

/** The file the client-shell target writes the proxy variables to (the rc file only loads it). */
export function proxyShPath(home: string): string {
  return `${home}/.config/buildproxy/proxy.sh`;
}

/** Files read on every run, whether or not they exist (null in the bundle means known to be absent). */
/** Debian's cntlm reads this file; the cntlm-relay target writes it (0600: it holds the PassNTLMv2 hash). */
export const CNTLM_CONF = '/etc/cntlm.conf';
/** Where the ca-trust target installs the corporate CA for update-ca-certificates (Debian, Ubuntu, Alpine). */
export const HOST_CA_COPY = '/usr/local/share/ca-certificates/buildproxy-corporate-ca.crt';

export function fixedFiles(ctx: FileContext): string[] {
  return [
    '/etc/docker/daemon.json',
    `${ctx.home}/.config/docker/daemon.json`,
    `${ctx.home}/.docker/daemon.json`,
    cliConfigPath(ctx),
    buildxCurrentPath(ctx),
    ...buildkitdTomlPaths(ctx),
    ...LEGACY_DOCKER_ENV_FILES,
    '/etc/environment',
    shellRcPath(ctx.home, ctx.env.SHELL),
    CNTLM_CONF,
    HOST_CA_COPY,
  ];
}

/** The daemon.json dockerd reads: rootless and Docker Desktop each keep their own copy. */
export function daemonJsonPath(home: string, mode: { desktop?: boolean; rootless?: boolean }): string {
  if (mode.desktop) return `${home}/.docker/daemon.json`;
  if (mode.rootless) return `${home}/.config/docker/daemon.json`;
  return '/etc/docker/daemon.json';
}
