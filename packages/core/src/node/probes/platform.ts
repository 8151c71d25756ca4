// The platforms contract's probes (ARCHITECTURE.md "Platforms evidence contract"): Docker Desktop's settings,
// WSL, the docker contexts and the host's system proxy. Read-only and bounded like every probe: files through the
// capture's reader, commands through its runner (each with the capture's timeout). Nothing here starts a VM.
import {
  hostPlatform,
  isWsl,
  PLATFORM_CMD,
  type PlatformContext,
  PROC_VERSION,
  platformFixedFiles,
  systemProxyCommands,
  type WslHost,
  wslpathArgv,
} from '../../evidence/platforms.js';
import type { CommandResult } from '../../evidence/schema.js';

export interface PlatformProbeIo {
  read: (path: string) => Promise<string | null | undefined>;
  run: (argv: readonly string[], cwd?: string) => Promise<CommandResult>;
  /** whether a program is on PATH (probes for tools that are absent are not run) */
  has: (bin: string) => boolean;
  /** false when the capture knows the docker context without asking the CLI (--probes auto on plain Linux:
   * no contexts, no DOCKER_CONTEXT, no currentContext), so no docker process is started for it */
  askContexts?: boolean;
}

/** WSL detection (Linux only): null when checked and not WSL. */
async function detectWsl(ctx: PlatformContext, io: PlatformProbeIo): Promise<WslHost | null> {
  const procVersion = (await io.read(PROC_VERSION)) ?? null;
  if (!isWsl(procVersion, ctx.env)) return null;
  const distro = ctx.env.WSL_DISTRO_NAME ?? '';
  const [, profile] = await Promise.all([
    io.run(PLATFORM_CMD.wslNetworkingMode),
    io.run(PLATFORM_CMD.wslUserProfile, '/mnt/c'),
  ]);
  const winPath = profile.exitCode === 0 ? profile.stdout.trim() : '';
  // %USERPROFILE% unexpanded means cmd.exe ran without the variable: no Windows home to read from.
  if (!winPath || winPath.includes('%')) return { distro, windowsHome: null };
  const unix = await io.run(wslpathArgv(winPath));
  const windowsHome = unix.exitCode === 0 && unix.stdout.trim().startsWith('/') ? unix.stdout.trim() : null;
  return { distro, windowsHome };
}

/**
 * Record what the platforms contract asks for on this host. Returns host.wsl: a WslHost or null on Linux,
 * undefined elsewhere (the key is absent on macOS and Windows).
 */
export async function capturePlatform(
  base: PlatformContext,
  io: PlatformProbeIo,
): Promise<WslHost | null | undefined> {
  const platform = hostPlatform(base.platform);
  const wsl = platform === 'linux' ? await detectWsl(base, io) : undefined;
  const ctx: PlatformContext = { ...base, wsl };
  const tasks: Promise<unknown>[] = platformFixedFiles(ctx).map(io.read);
  if (io.has('docker') && (io.askContexts !== false || platform !== 'linux' || wsl))
    tasks.push(io.run(PLATFORM_CMD.contextInspect), io.run(PLATFORM_CMD.contextLs));
  for (const argv of systemProxyCommands(platform, Boolean(wsl))) tasks.push(io.run(argv));
  // GNOME's proxy lives in a desktop session's dconf: on a server or CI runner (no session bus, no display)
  // gsettings only prints schema defaults, and costs ~90 ms
  const desktopSession = Boolean(
    base.env.DBUS_SESSION_BUS_ADDRESS ||
      base.env.XDG_CURRENT_DESKTOP ||
      base.env.DISPLAY ||
      base.env.WAYLAND_DISPLAY,
  );
  if (platform === 'linux' && desktopSession && io.has('gsettings'))
    tasks.push(io.run(PLATFORM_CMD.gsettingsProxy));
  await Promise.all(tasks);
  return wsl;
}
