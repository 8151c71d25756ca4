// Podman and Buildah: which proxy each of the four actors uses. On local Linux the podman (or buildah) process is
// the client, the runtime and the builder at once: its environment — the shell's proxy variables, then containers.conf
// [engine] env for each variable the shell leaves unset — pulls the FROM image; a build's RUN steps get that
// environment's proxy variables because `--http-proxy` defaults to true (a CLI default, not containers.conf).
// Remote podman (podman-remote, CONTAINER_HOST, a podman machine) pulls with the *service's* environment; RUN gets
// no proxy before 4.4 (build's --http-proxy defaulted to false for remote clients), the service's from 4.4 on.
// Each of these was observed on real podman 4.3.1 / buildah 1.28.2 (test/e2e/podman.e2e.ts).
import { containersConfSources, type EngineContext } from '../evidence/engines.js';
import {
  ENGINE_CMD,
  PODMAN_MACHINE_FILES,
  podmanMachineCatArgv,
  podmanMachineInspectArgv,
} from '../evidence/engines-cmd.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import { type ContainersConf, parseContainersConf } from '../formats/containers-conf.js';
import type { FileError } from '../formats/json-file.js';
import { parseUnitFile, splitWords } from '../formats/systemd.js';
import { parseVersion, type Version } from '../formats/version.js';
import { isProxyVar } from '../proxy/env.js';
import type { Origin, VarValue } from './types.js';

/**
 * What `podman machine inspect NAME` says (podman ≥ 4.1; fields of pkg/machine/config.go InspectInfo, v5 shape in
 * docs/source/markdown/podman-machine-inspect.1.md). null when it was not run or failed (podman < 4.1: exit 125).
 */
export interface MachineInspect {
  /** "running", "stopped", "starting" */
  state: string | null;
  /** when the machine last booted, i.e. when its environment was copied from the shell that started it */
  lastUp: string | null;
  /** the VM provider, from ConfigDir (…/machine/<provider>): qemu, applehv, libkrun, hyperv, wsl */
  provider: string | null;
  userModeNetworking: boolean | null;
  rootful: boolean | null;
}

export interface PodmanMachine {
  name: string;
  running: boolean;
  inspect: MachineInspect | null;
  /** the proxy variables of the VM's systemd manager (default-env.conf); null when not read */
  env: VarValue[] | null;
  /** the machine's containers.conf inside the VM */
  vmConf: ContainersConf | null;
}

export interface PodmanState {
  podman: Version | null;
  /** the service's version for a remote client (`podman version` Server); null when local or not printed */
  server: Version | null;
  buildah: Version | null;
  /** the podman CLI talks to a service (podman-remote, CONTAINER_HOST / CONTAINER_CONNECTION, a machine) */
  remote: boolean;
  rootless: boolean | null;
  /** the containers.conf files read, in load order (parsed ones only) */
  confs: ContainersConf[];
  /** the last file's [containers] http_proxy; null: not set (podman's default, true) */
  httpProxy: { value: boolean; origin: Origin } | null;
  engineEnv: VarValue[];
  /** the proxy variables the podman/buildah process runs with: the shell's, else [engine] env's, per variable */
  processEnv: VarValue[];
  machine: PodmanMachine | null;
  errors: FileError[];
}

const shellOrigin: Origin = { kind: 'env', ref: 'shell' };

function jsonField(text: string | undefined, pick: (j: Record<string, unknown>) => unknown): unknown {
  if (!text) return undefined;
  try {
    return pick(JSON.parse(text) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

/** The file paths of the containers.conf sources, a folder expanded to the *.conf files the capture found. */
export function containersConfFiles(ev: Evidence, ctx: EngineContext): string[] {
  const out: string[] = [];
  for (const s of containersConfSources(ctx)) {
    if (s.kind === 'file') out.push(s.path);
    else
      out.push(
        ...Object.keys(ev.files)
          .filter(
            (p) =>
              p.startsWith(`${s.path}/`) && !p.slice(s.path.length + 1).includes('/') && p.endsWith('.conf'),
          )
          .sort(),
      );
  }
  return out;
}

/** The proxy variables of a systemd [Manager] DefaultEnvironment= file (podman machine's default-env.conf). */
export function managerEnvironment(path: string, text: string): VarValue[] {
  const out: VarValue[] = [];
  for (const a of parseUnitFile(path, text)) {
    if (a.section !== 'Manager' || a.key !== 'DefaultEnvironment') continue;
    for (const w of splitWords(a.value)) {
      const eq = w.indexOf('=');
      if (eq > 0 && isProxyVar(w.slice(0, eq)))
        out.push({
          name: w.slice(0, eq),
          value: w.slice(eq + 1),
          origin: { kind: 'file', ref: `${path}:${a.line}` },
        });
    }
  }
  return out;
}

const PROVIDERS = ['qemu', 'applehv', 'libkrun', 'hyperv', 'wsl'] as const;

/** `podman machine inspect` JSON (an array of one machine per name); bounded: parsed only when under 1 MiB. */
export function parseMachineInspect(text: string): MachineInspect | null {
  if (text.length > 1024 * 1024) return null;
  const first = jsonField(text, (j) => (Array.isArray(j) ? j[0] : null)) as Record<string, unknown> | null;
  if (!first || typeof first !== 'object') return null;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
  // ConfigDir.Path in podman 5 (…/machine/applehv), ConfigPath.Path in 4.x (…/machine/qemu/NAME.json)
  const dir =
    str((first.ConfigDir as { Path?: unknown } | undefined)?.Path) ??
    str((first.ConfigPath as { Path?: unknown } | undefined)?.Path) ??
    '';
  const parts = dir.split(/[\\/]/);
  const at = parts.lastIndexOf('machine');
  const provider = at >= 0 ? (PROVIDERS.find((p) => p === parts[at + 1]) ?? null) : null;
  // a machine that never booted reports Go's zero time
  const lastUp = str(first.LastUp);
  return {
    state: str(first.State),
    lastUp: lastUp?.startsWith('0001-01-01') ? null : lastUp,
    provider,
    userModeNetworking: bool(first.UserModeNetworking),
    rootful: bool(first.Rootful),
  };
}

function machineOf(ev: Evidence): PodmanMachine | null {
  const list = findCommand(ev, ENGINE_CMD.podmanMachines);
  const machines = jsonField(list?.exitCode === 0 ? list.stdout : undefined, (j) => j) as
    | { Name?: string; Running?: boolean; Default?: boolean }[]
    | undefined;
  if (!Array.isArray(machines) || machines.length === 0) return null;
  const m = machines.find((x) => x.Running) ?? machines.find((x) => x.Default) ?? machines[0]!;
  const name = String(m.Name ?? '').replace(/\*$/, '');
  const inside = (f: string) => {
    const r = findCommand(ev, podmanMachineCatArgv(name, f));
    return r?.exitCode === 0 ? r.stdout : null;
  };
  // no default-env.conf (cat: No such file or directory): the machine was started from a shell without a proxy
  const envCat = findCommand(ev, podmanMachineCatArgv(name, PODMAN_MACHINE_FILES[0]));
  const envText =
    envCat?.exitCode === 1 && /No such file or directory/.test(envCat.stderr)
      ? ''
      : inside(PODMAN_MACHINE_FILES[0]);
  const confText = inside(PODMAN_MACHINE_FILES[1]);
  const confParsed =
    confText !== null ? parseContainersConf(`${name}:${PODMAN_MACHINE_FILES[1]}`, confText) : null;
  const inspected = findCommand(ev, podmanMachineInspectArgv(name));
  const inspect = inspected?.exitCode === 0 ? parseMachineInspect(inspected.stdout) : null;
  return {
    name,
    running: inspect?.state ? inspect.state === 'running' : m.Running === true,
    inspect,
    env: envText === null ? null : managerEnvironment(`${name}:${PODMAN_MACHINE_FILES[0]}`, envText),
    vmConf: confParsed?.ok ? confParsed.conf : null,
  };
}

export function analyzePodman(ev: Evidence, ctx: EngineContext): PodmanState | null {
  const version = findCommand(ev, ENGINE_CMD.podmanVersion);
  const buildah = findCommand(ev, ENGINE_CMD.buildahVersion);
  const podmanV =
    version?.exitCode === 0
      ? parseVersion(
          String(jsonField(version.stdout, (j) => (j.Client as Record<string, unknown>)?.Version) ?? ''),
        )
      : null;
  const serverV =
    version?.exitCode === 0
      ? parseVersion(
          String(jsonField(version.stdout, (j) => (j.Server as Record<string, unknown>)?.Version) ?? ''),
        )
      : null;
  const buildahV =
    buildah?.exitCode === 0 ? parseVersion(String(jsonField(buildah.stdout, (j) => j.version) ?? '')) : null;
  const confPaths = containersConfFiles(ev, ctx);
  // podman's own default file exists wherever podman is installed; only a file that sets something counts alone
  if (!podmanV && !buildahV && !confPaths.some((p) => ev.files[p] != null && !p.startsWith('/usr/share/')))
    return null;
  const errors: FileError[] = [];
  const confs: ContainersConf[] = [];
  for (const p of confPaths) {
    const text = ev.files[p];
    if (text == null) continue;
    const r = parseContainersConf(p, text);
    if (r.ok) confs.push(r.conf);
    else errors.push(r.error);
  }
  const lastHttp = confs.filter((c) => c.httpProxy !== null).at(-1);
  const lastEngine = confs.filter((c) => c.engineEnv !== null).at(-1);
  const engineEnv: VarValue[] = (lastEngine?.engineEnv ?? [])
    .filter((e) => isProxyVar(e.name))
    .map((e) => ({
      name: e.name,
      value: e.value,
      origin: { kind: 'file', ref: `${lastEngine!.path}:${e.line}` },
    }));
  const shell: VarValue[] = Object.entries(ev.env)
    .filter(([k]) => isProxyVar(k))
    .map(([name, value]) => ({ name, value, origin: shellOrigin }));
  // [engine] env is applied with "set unless already set": the shell wins, variable by variable (name as written)
  const processEnv = [...shell, ...engineEnv.filter((e) => !(e.name in ev.env))];
  const info = findCommand(ev, ENGINE_CMD.podmanInfo);
  const host = jsonField(info?.exitCode === 0 ? info.stdout : undefined, (j) => j.host) as
    | { serviceIsRemote?: boolean; security?: { rootless?: boolean } }
    | undefined;
  const remote =
    host?.serviceIsRemote === true || Boolean(ev.env.CONTAINER_HOST) || Boolean(ev.env.CONTAINER_CONNECTION);
  return {
    podman: podmanV,
    server: serverV,
    buildah: buildahV,
    remote,
    rootless:
      typeof host?.security?.rootless === 'boolean'
        ? host.security.rootless
        : ev.host.uid === null
          ? null
          : ev.host.uid !== 0,
    confs,
    httpProxy: lastHttp
      ? {
          value: lastHttp.httpProxy!,
          origin: { kind: 'file', ref: `${lastHttp.path}:${lastHttp.httpProxyLine ?? 1}` },
        }
      : null,
    engineEnv,
    processEnv,
    machine: machineOf(ev),
    errors,
  };
}
