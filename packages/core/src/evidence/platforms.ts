// The platforms evidence contract (ARCHITECTURE.md "Platforms evidence contract"): the exact files and argv a
// capture records for Docker Desktop, WSL2, the host's system proxy, Podman, Buildah, Colima and Rancher
// Desktop. Analysis looks files and commands up by these functions, so they are the contract, like canonical.ts.
// Pure: paths are built as strings in the platform's own form (backslashes on win32), never with node:path.

export type HostPlatform = 'linux' | 'darwin' | 'win32';

/** host.wsl: the WSL distro and the Windows user's home as this distro sees it (null when interop is off). */
export interface WslHost {
  distro: string;
  windowsHome: string | null;
}

export interface PlatformContext {
  platform: string;
  home: string;
  env: Record<string, string>;
  wsl?: WslHost | null;
  uid?: number | null;
}

/** The platform an analysis should read a bundle as: anything unknown is read as Linux (v1's only platform). */
export function hostPlatform(platform: string): HostPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** A Windows absolute path from parts: backslashes, one separator between parts, the drive letter upper-case. */
export function winJoin(...parts: string[]): string {
  const joined = parts
    .filter((p) => p !== '')
    .map((p, i) => {
      const s = p.replace(/\//g, '\\');
      const start = i === 0 ? s : s.replace(/^\\+/, '');
      return i === parts.length - 1 ? start : start.replace(/\\+$/, '');
    })
    .join('\\');
  return /^[a-z]:/.test(joined) ? joined[0]!.toUpperCase() + joined.slice(1) : joined;
}

/** Join under a folder of this platform's own form. */
export function platformJoin(platform: string, dir: string, ...parts: string[]): string {
  if (platform === 'win32') return winJoin(dir, ...parts);
  return [dir.replace(/\/+$/, ''), ...parts].join('/');
}

/** %APPDATA%, %LOCALAPPDATA%, %ProgramData% with the contract's fallbacks (win32 only). */
export function windowsDirs(ctx: PlatformContext): {
  appData: string;
  localAppData: string;
  programData: string;
} {
  const e = (name: string) => {
    const k = Object.keys(ctx.env).find((n) => n.toLowerCase() === name.toLowerCase());
    return k ? ctx.env[k] : undefined;
  };
  return {
    appData: e('APPDATA') || winJoin(ctx.home, 'AppData', 'Roaming'),
    localAppData: e('LOCALAPPDATA') || winJoin(ctx.home, 'AppData', 'Local'),
    programData: e('ProgramData') || 'C:\\ProgramData',
  };
}

/** Inside WSL, the Windows side's files as /mnt/c paths: the Windows home, and C:\ProgramData. */
function wslWindows(ctx: PlatformContext): { home: string; programData: string } | null {
  const home = ctx.wsl?.windowsHome;
  return home ? { home, programData: '/mnt/c/ProgramData' } : null;
}

export interface DesktopFiles {
  /** settings-store.json, Desktop >= 4.35 */
  store: string;
  /** settings.json, Desktop <= 4.34 */
  legacy: string;
  admin: string;
}

/** Docker Desktop's settings files on this host; inside WSL also the Windows side's (Desktop runs there). */
export function desktopFiles(ctx: PlatformContext): DesktopFiles[] {
  const p = hostPlatform(ctx.platform);
  if (p === 'darwin') {
    const dir = `${ctx.home}/Library/Group Containers/group.com.docker`;
    return [
      {
        store: `${dir}/settings-store.json`,
        legacy: `${dir}/settings.json`,
        admin: '/Library/Application Support/com.docker.docker/admin-settings.json',
      },
    ];
  }
  if (p === 'win32') {
    const w = windowsDirs(ctx);
    return [
      {
        store: winJoin(w.appData, 'Docker', 'settings-store.json'),
        legacy: winJoin(w.appData, 'Docker', 'settings.json'),
        admin: winJoin(w.programData, 'DockerDesktop', 'admin-settings.json'),
      },
    ];
  }
  const out: DesktopFiles[] = [
    {
      store: `${ctx.home}/.docker/desktop/settings-store.json`,
      legacy: `${ctx.home}/.docker/desktop/settings.json`,
      admin: '/usr/share/docker-desktop/admin-settings.json',
    },
  ];
  const win = wslWindows(ctx);
  if (win) {
    const roaming = `${win.home}/AppData/Roaming/Docker`;
    out.push({
      store: `${roaming}/settings-store.json`,
      legacy: `${roaming}/settings.json`,
      admin: `${win.programData}/DockerDesktop/admin-settings.json`,
    });
  }
  return out;
}

/** The docker CLI's folder: DOCKER_CONFIG, else ~/.docker in the platform's form. */
export function dockerDir(ctx: PlatformContext): string {
  return ctx.env.DOCKER_CONFIG || platformJoin(ctx.platform, ctx.home, '.docker');
}

export const PROC_VERSION = '/proc/version';
export const WSL_CONF = '/etc/wsl.conf';

/** .wslconfig: in the Windows home (win32), or the Windows home seen from the distro (WSL). */
export function wslconfigPath(ctx: PlatformContext): string | null {
  if (ctx.platform === 'win32') return winJoin(ctx.home, '.wslconfig');
  const win = wslWindows(ctx);
  return win ? `${win.home}/.wslconfig` : null;
}

/** Whether /proc/version or the environment says this Linux is a WSL distro (the contract's test). */
export function isWsl(procVersion: string | null, env: Record<string, string>): boolean {
  return /microsoft/i.test(procVersion ?? '') || Boolean(env.WSL_DISTRO_NAME);
}

export const INTERNET_SETTINGS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
export const INTERNET_SETTINGS_VALUES = [
  'ProxyEnable',
  'ProxyServer',
  'ProxyOverride',
  'AutoConfigURL',
] as const;
export type InternetSettingsValue = (typeof INTERNET_SETTINGS_VALUES)[number];

/** The exit code and message `reg query` gives for a value that is not set. */
export const REG_MISSING = 'ERROR: The system was unable to find the specified registry key or value.';

/** WSL runs the Windows tools through interop under their .exe names. */
export function regQuery(value: InternetSettingsValue, wsl = false): string[] {
  return [wsl ? 'reg.exe' : 'reg', 'query', INTERNET_SETTINGS_KEY, '/v', value];
}

export function netshWinhttp(wsl = false): string[] {
  return [wsl ? 'netsh.exe' : 'netsh', 'winhttp', 'show', 'proxy'];
}

export function wslpathArgv(windowsPath: string): string[] {
  return ['wslpath', '-u', windowsPath];
}

/** Every canonical argv of the platforms contract that takes no argument. */
export const PLATFORM_CMD = {
  contextInspect: ['docker', 'context', 'inspect'],
  contextLs: ['docker', 'context', 'ls', '--format', 'json'],
  scutilProxy: ['scutil', '--proxy'],
  wslNetworkingMode: ['wslinfo', '--networking-mode'],
  /** run with cwd /mnt/c, so cmd.exe does not warn about a UNC working folder */
  wslUserProfile: ['cmd.exe', '/c', 'echo %USERPROFILE%'],
  gsettingsProxy: ['gsettings', 'list-recursively', 'org.gnome.system.proxy'],
  podmanVersion: ['podman', 'version', '--format', 'json'],
  podmanInfo: ['podman', 'info', '--format', 'json'],
  podmanConnections: ['podman', 'system', 'connection', 'list', '--format', 'json'],
  podmanMachines: ['podman', 'machine', 'list', '--format', 'json'],
  buildahVersion: ['buildah', 'version', '--json'],
  buildahInfo: ['buildah', 'info'],
  colimaVersion: ['colima', 'version'],
  colimaStatus: ['colima', 'status', '--json'],
} as const;

/** The system proxy probes for a host: scutil on macOS, WinHTTP and WinINET on Windows and from WSL. */
export function systemProxyCommands(platform: string, wsl: boolean): string[][] {
  if (platform === 'darwin') return [[...PLATFORM_CMD.scutilProxy]];
  if (platform === 'win32' || wsl)
    return [netshWinhttp(wsl), ...INTERNET_SETTINGS_VALUES.map((v) => regQuery(v, wsl))];
  return [];
}

// Podman, Buildah, Colima, Rancher Desktop: the argv #17 records (defined here so the contract is in one file).

export function podmanMachineInspect(name: string): string[] {
  return ['podman', 'machine', 'inspect', name];
}

/** A file inside a running podman machine; a relative path is under the machine user's home. */
export function podmanMachineCat(name: string, path: string): string[] {
  return ['podman', 'machine', 'ssh', name, 'cat', path];
}

export const PODMAN_MACHINE_FILES = [
  '/etc/systemd/system.conf.d/default-env.conf',
  '/etc/containers/containers.conf',
  '.config/containers/containers.conf',
] as const;

export function colimaSsh(profile: string, path: string): string[] {
  const p = profile === 'default' ? [] : ['--profile', profile];
  return ['colima', ...p, 'ssh', '--', 'cat', path];
}

export const COLIMA_VM_FILES = ['/etc/docker/daemon.json', '/etc/environment'] as const;

/** Rancher Desktop's settings.json. */
export function rancherSettingsPath(ctx: PlatformContext): string {
  const p = hostPlatform(ctx.platform);
  if (p === 'darwin') return `${ctx.home}/Library/Preferences/rancher-desktop/settings.json`;
  if (p === 'win32') return winJoin(windowsDirs(ctx).localAppData, 'rancher-desktop', 'settings.json');
  return `${ctx.env.XDG_CONFIG_HOME || `${ctx.home}/.config`}/rancher-desktop/settings.json`;
}

/** KDE's system proxy (additive to the contract): $XDG_CONFIG_HOME/kioslaverc, default ~/.config/kioslaverc. */
export function kioslavercPath(ctx: PlatformContext): string {
  return `${ctx.env.XDG_CONFIG_HOME || `${ctx.home}/.config`}/kioslaverc`;
}

/** Files the platforms contract reads whole on this host (the .d folders and engine files are #17's). */
export function platformFixedFiles(ctx: PlatformContext): string[] {
  const out: string[] = [];
  for (const d of desktopFiles(ctx)) out.push(d.store, d.legacy, d.admin);
  if (hostPlatform(ctx.platform) === 'linux') out.push(PROC_VERSION, WSL_CONF, kioslavercPath(ctx));
  const wslconfig = wslconfigPath(ctx);
  if (wslconfig) out.push(wslconfig);
  return out;
}
