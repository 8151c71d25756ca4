// Where Podman, Buildah, Colima and Lima keep the files the platforms contract records (ARCHITECTURE.md
// "Platforms evidence contract", §3). Pure: paths are strings in the platform's own form. Sources: containers.conf(5)
// (containers/container-libs common/docs/containers.conf.5.md), abiosoft/colima config/files.go, lima-vm/lima
// templates/default.yaml.

export interface EngineContext {
  platform: string;
  home: string;
  uid: number | null;
  env: Record<string, string>;
}

/** One containers.conf podman would read, in the order it reads them (a later file's key wins). */
export interface ConfSource {
  /** a file, or a folder whose *.conf files are read in name order (the capture records each file found) */
  path: string;
  kind: 'file' | 'dir';
  scope: 'system' | 'rootless' | 'user' | 'env';
}

function win(...parts: string[]): string {
  return parts.join('\\').replace(/\\+/g, '\\');
}

function winDir(ctx: EngineContext, name: 'APPDATA' | 'ProgramData'): string {
  const key = Object.keys(ctx.env).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key && ctx.env[key]) return ctx.env[key]!;
  return name === 'APPDATA' ? win(ctx.home, 'AppData', 'Roaming') : 'C:\\ProgramData';
}

/**
 * The containers.conf files and folders, in load order. CONTAINERS_CONF replaces all of them;
 * CONTAINERS_CONF_OVERRIDE is read last. Rootless files apply only to a non-root uid.
 */
export function containersConfSources(ctx: EngineContext): ConfSource[] {
  const over: ConfSource[] = ctx.env.CONTAINERS_CONF_OVERRIDE
    ? [{ path: ctx.env.CONTAINERS_CONF_OVERRIDE, kind: 'file', scope: 'env' }]
    : [];
  if (ctx.env.CONTAINERS_CONF)
    return [{ path: ctx.env.CONTAINERS_CONF, kind: 'file', scope: 'env' }, ...over];
  if (ctx.platform === 'win32')
    return [
      {
        path: win(winDir(ctx, 'ProgramData'), 'containers', 'containers.conf'),
        kind: 'file',
        scope: 'system',
      },
      { path: win(winDir(ctx, 'APPDATA'), 'containers', 'containers.conf'), kind: 'file', scope: 'user' },
      ...over,
    ];
  if (ctx.platform === 'darwin')
    return [
      { path: '/etc/containers/containers.conf', kind: 'file', scope: 'system' },
      { path: '/opt/homebrew/etc/containers/containers.conf', kind: 'file', scope: 'system' },
      { path: `${ctx.home}/.config/containers/containers.conf`, kind: 'file', scope: 'user' },
      ...over,
    ];
  const user = `${ctx.env.XDG_CONFIG_HOME || `${ctx.home}/.config`}/containers`;
  const rootless: ConfSource[] =
    ctx.uid !== null && ctx.uid !== 0
      ? [
          { path: '/etc/containers/containers.rootless.conf', kind: 'file', scope: 'rootless' },
          { path: '/etc/containers/containers.rootless.d', kind: 'dir', scope: 'rootless' },
          { path: `/etc/containers/containers.rootless.d/${ctx.uid}`, kind: 'dir', scope: 'rootless' },
        ]
      : [];
  return [
    { path: '/usr/share/containers/containers.conf', kind: 'file', scope: 'system' },
    { path: '/etc/containers/containers.conf', kind: 'file', scope: 'system' },
    { path: '/etc/containers/containers.conf.d', kind: 'dir', scope: 'system' },
    ...rootless,
    { path: `${user}/containers.conf`, kind: 'file', scope: 'user' },
    { path: `${user}/containers.conf.d`, kind: 'dir', scope: 'user' },
    ...over,
  ];
}

/** podman 5's connection list (a JSON file; older podman keeps connections in containers.conf [engine]). */
export function podmanConnectionsPath(ctx: EngineContext): string {
  if (ctx.platform === 'win32') return win(winDir(ctx, 'APPDATA'), 'containers', 'podman-connections.json');
  return `${ctx.env.XDG_CONFIG_HOME || `${ctx.home}/.config`}/containers/podman-connections.json`;
}

/** Drop-in folders of podman.service (system and user scope): the service's env is what remote builds use. */
export function podmanServiceDropIns(ctx: EngineContext): string[] {
  return ['/etc/systemd/system/podman.service.d', `${ctx.home}/.config/systemd/user/podman.service.d`];
}

/** Colima's folder: $COLIMA_HOME, else ~/.colima, else (Linux without ~/.colima) $XDG_CONFIG_HOME/colima. */
export function colimaDir(ctx: EngineContext, homeColimaExists = true): string {
  if (ctx.env.COLIMA_HOME) return ctx.env.COLIMA_HOME;
  if (ctx.platform === 'linux' && !homeColimaExists)
    return `${ctx.env.XDG_CONFIG_HOME || `${ctx.home}/.config`}/colima`;
  return `${ctx.home}/.colima`;
}

export function colimaProfile(ctx: EngineContext): string {
  return ctx.env.COLIMA_PROFILE || 'default';
}

/** colima.yaml of the profile, and the Lima defaults/overrides colima's VM is created with. */
export function colimaFiles(
  ctx: EngineContext,
  homeColimaExists = true,
): { yaml: string; limaDefault: string; limaOverride: string } {
  const dir = colimaDir(ctx, homeColimaExists);
  const lima = ctx.env.LIMA_HOME || `${dir}/_lima`;
  return {
    yaml: `${dir}/${colimaProfile(ctx)}/colima.yaml`,
    limaDefault: `${lima}/_config/default.yaml`,
    limaOverride: `${lima}/_config/override.yaml`,
  };
}

/** Plain Lima (limactl): its global defaults and overrides. */
export function limaFiles(ctx: EngineContext): { limaDefault: string; limaOverride: string } {
  const lima = ctx.env.LIMA_HOME || `${ctx.home}/.lima`;
  return { limaDefault: `${lima}/_config/default.yaml`, limaOverride: `${lima}/_config/override.yaml` };
}

/**
 * Rancher Desktop on macOS and Linux runs its VM with its own Lima: `override.yaml` in that Lima's `_config` is the
 * documented way to change the VM (docs.rancherdesktop.io how-to-guides/provisioning-scripts; the Lima folder:
 * rancher-sandbox/rancher-desktop src/go/rdctl/pkg/paths/paths_{darwin,linux}.go). None on Windows (WSL).
 */
export function rancherLimaOverridePath(ctx: EngineContext): string | null {
  if (ctx.platform === 'darwin')
    return `${ctx.home}/Library/Application Support/rancher-desktop/lima/_config/override.yaml`;
  if (ctx.platform === 'linux')
    return `${ctx.env.XDG_DATA_HOME || `${ctx.home}/.local/share`}/rancher-desktop/lima/_config/override.yaml`;
  return null;
}
