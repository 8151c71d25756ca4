// Capture for the other engines (ARCHITECTURE.md "Platforms evidence contract" §3-4): containers.conf files,
// podman's version/info/connections/machines, a running machine's environment files, buildah, colima and Lima.
// Probes never start a VM or a machine: `podman machine ssh` / `colima ssh` run only when the list/status says
// it is running.
import {
  colimaFiles,
  colimaProfile,
  containersConfSources,
  type EngineContext,
  limaFiles,
  podmanConnectionsPath,
  podmanServiceDropIns,
  rancherLimaOverridePath,
} from '../../evidence/engines.js';
import {
  COLIMA_VM_FILES,
  colimaSshArgv,
  ENGINE_CMD,
  PODMAN_MACHINE_FILES,
  podmanMachineCatArgv,
  podmanMachineInspectArgv,
  podmanServiceShow,
} from '../../evidence/engines-cmd.js';
import type { CommandResult } from '../../evidence/schema.js';
import { atLeast, parseVersion } from '../../formats/version.js';
import { isDirectory, listConf, underRoot } from './files.js';

export interface EngineProbeContext {
  ctx: EngineContext;
  root: string | undefined;
  /** runs argv only when its program is on PATH, else records exitCode null, error "not-found" */
  run: (argv: readonly string[]) => Promise<CommandResult>;
  read: (path: string) => Promise<string | null | undefined>;
  onPath: (bin: string) => boolean;
  /** run podman's and buildah's commands (files are always read) */
  askCommands: boolean;
  systemd: boolean;
  isRoot: boolean;
  /** the files are read once this settles (the capture's requests on the wire); the commands start at once */
  readFilesAfter?: Promise<unknown>;
}

/** The machine to look into: the default one when the list marks it, else the running one. */
function machineToInspect(listJson: string): { name: string; running: boolean } | null {
  try {
    const list = JSON.parse(listJson) as {
      Name?: unknown;
      Default?: unknown;
      Running?: unknown;
      LastUp?: unknown;
    }[];
    if (!Array.isArray(list) || list.length === 0) return null;
    const named = list.filter((m) => typeof m?.Name === 'string');
    const pick = named.find((m) => m.Running === true) ?? named.find((m) => m.Default === true) ?? named[0];
    if (!pick) return null;
    // `podman machine list` marks the default machine's name with a trailing "*"
    return { name: String(pick.Name).replace(/\*$/, ''), running: pick.Running === true };
  } catch {
    return null;
  }
}

/** `colima status --json` answers only for a running VM (exit 1 "colima is not running" otherwise). */
function colimaRunning(st: CommandResult): boolean {
  if (st.exitCode !== 0) return false;
  try {
    const s = JSON.parse(st.stdout) as Record<string, unknown>;
    return typeof s === 'object' && s !== null && typeof s.display_name === 'string';
  } catch {
    return false;
  }
}

export async function captureEngines(p: EngineProbeContext): Promise<void> {
  const { ctx, root } = p;
  // The commands first, before any file is read: each starts at once (podman info is the slowest probe).
  const podman = p.askCommands && p.onPath('podman');
  const commands: Promise<unknown>[] = [];
  if (podman) {
    commands.push(
      p.run(ENGINE_CMD.podmanVersion),
      p.run(ENGINE_CMD.podmanInfo),
      p.run(ENGINE_CMD.podmanConnections),
    );
    if (p.systemd) {
      commands.push(p.run(podmanServiceShow(false)));
      if (!p.isRoot) commands.push(p.run(podmanServiceShow(true)));
    }
    commands.push(
      p.run(ENGINE_CMD.podmanMachines).then(async (list) => {
        const m = list.exitCode === 0 ? machineToInspect(list.stdout) : null;
        if (!m) return;
        await p.run(podmanMachineInspectArgv(m.name));
        if (m.running)
          await Promise.all(PODMAN_MACHINE_FILES.map((f) => p.run(podmanMachineCatArgv(m.name, f))));
      }),
    );
  }
  if (p.askCommands && p.onPath('buildah'))
    commands.push(p.run(ENGINE_CMD.buildahVersion), p.run(ENGINE_CMD.buildahInfo));
  if (p.onPath('colima')) {
    const profile = colimaProfile(ctx);
    commands.push(
      p.run(ENGINE_CMD.colimaVersion).then(async (v) => {
        // `status --json` exists from colima 0.8.1 (abiosoft/colima#1196); older ones are not asked
        const version = parseVersion(/colima version v?(\S+)/.exec(v.stdout)?.[1]);
        if (v.exitCode !== 0 || atLeast(version, '0.8.1') !== true) return;
        const st = await p.run(ENGINE_CMD.colimaStatus);
        if (!colimaRunning(st)) return;
        await Promise.all(COLIMA_VM_FILES.map((f) => p.run(colimaSshArgv(profile, f))));
      }),
    );
  }
  await p.readFilesAfter;
  const reads: Promise<unknown>[] = [];
  // containers.conf in load order; a folder is recorded as one key per *.conf found
  for (const s of containersConfSources(ctx)) {
    if (s.kind === 'file') reads.push(p.read(s.path));
    else reads.push(listConf(root, s.path).then((fs) => Promise.all(fs.map(p.read))));
  }
  reads.push(p.read(podmanConnectionsPath(ctx)));
  for (const d of podmanServiceDropIns(ctx))
    reads.push(listConf(root, d).then((fs) => Promise.all(fs.map(p.read))));
  const homeColima = ctx.platform !== 'win32' && (await isDirectory(underRoot(root, `${ctx.home}/.colima`)));
  const colima = colimaFiles(ctx, homeColima);
  const lima = limaFiles(ctx);
  // Colima and Lima run on macOS and Linux only (the contract reads no such files on Windows)
  if (ctx.platform !== 'win32')
    for (const f of [
      colima.yaml,
      colima.limaDefault,
      colima.limaOverride,
      lima.limaDefault,
      lima.limaOverride,
      rancherLimaOverridePath(ctx)!,
    ])
      reads.push(p.read(f));

  await Promise.all([...reads, ...commands]);
}
