// Docker inside a VM: Colima (on Lima), plain Lima, Rancher Desktop. Detected from the docker context the CLI uses
// (its endpoint socket lives in the engine's folder), read from their own settings files, and compared with what
// the VM's daemon got. Who rewrites a loopback proxy to the host gateway:
// - Lima (and so Colima's VM environment) replaces localhost/127.0.0.1 in the propagated proxy variables with the
//   host gateway (192.168.5.2, host.lima.internal) — lima-vm/lima templates/default.yaml, propagateProxyEnv.
// - Colima wrote daemon.json `proxies` verbatim up to v0.7.5 (abiosoft/colima#1144) and resolves loopback to the
//   gateway since v0.7.6 (PR #1145); the daemon.json is what dockerd uses, whatever the VM env says.
// - podman machine copies the shell's proxy verbatim before v4.6.0 (containers/podman#14087), rewrites loopback to
//   host.containers.internal since, except on WSL (pkg/machine/proxyenv) — see podman.ts.
// - Rancher Desktop's proxy (Windows, experimental) is a transparent moproxy for ports 80/443: no rewrite, no env.
import { parse as parseYaml } from 'yaml';
import { nestingProblem } from '../command/compose.js';
import { CMD } from '../evidence/canonical.js';
import {
  colimaFiles,
  colimaProfile,
  type EngineContext,
  limaFiles,
  rancherLimaOverridePath,
} from '../evidence/engines.js';
import { COLIMA_VM_FILES, colimaSshArgv, ENGINE_CMD } from '../evidence/engines-cmd.js';
import { rancherSettingsPath } from '../evidence/platforms.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import { parseDockerInfo } from '../formats/docker-output.js';
import type { FileError } from '../formats/json-file.js';
import { parseStrictJson } from '../formats/json-file.js';
import { parseVersion, type Version } from '../formats/version.js';
import { isProxyVar } from '../proxy/env.js';
import type { Layer, VarValue } from './types.js';

export const MAX_YAML = 256 * 1024;

export type VmEngine = 'colima' | 'lima' | 'rancher-desktop' | 'podman-machine' | 'docker-desktop';

/** Which engine a docker endpoint belongs to, from where its socket lives (or the pipe Rancher Desktop names). */
export function engineOfEndpoint(host: string): { engine: VmEngine; profile?: string } | null {
  const colima =
    /\/\.colima\/([^/]+)\/docker\.sock$/.exec(host) ?? /\/colima\/([^/]+)\/docker\.sock$/.exec(host);
  if (colima) return { engine: 'colima', profile: colima[1]! };
  const lima = /\/\.lima\/([^/]+)\/sock\/docker\.sock$/.exec(host);
  if (lima) return { engine: 'lima', profile: lima[1]! };
  if (/\/\.rd\/docker\.sock$/.test(host)) return { engine: 'rancher-desktop' };
  if (/podman\/machine\/.*podman\.sock$|podman-machine-default/.test(host))
    return { engine: 'podman-machine' };
  if (/\/\.docker\/(desktop|run)\/docker\.sock$|dockerDesktopLinuxEngine/.test(host))
    return { engine: 'docker-desktop' };
  return null;
}

/** The endpoint of the current docker context (`docker context inspect`), else DOCKER_HOST. */
export function dockerEndpoint(ev: Evidence): string | null {
  if (ev.env.DOCKER_HOST) return ev.env.DOCKER_HOST;
  const r = findCommand(ev, ENGINE_CMD.contextInspect);
  if (r?.exitCode !== 0) return null;
  const j = parseStrictJson('docker context inspect', r.stdout);
  if (!j.ok || !Array.isArray(j.value)) return null;
  const host = (j.value[0] as { Endpoints?: { docker?: { Host?: unknown } } } | undefined)?.Endpoints?.docker
    ?.Host;
  return typeof host === 'string' ? host : null;
}

export interface YamlEnvFile {
  path: string;
  env: VarValue[];
  /** Lima: propagateProxyEnv (default true) */
  propagate: boolean | null;
  /** provision scripts that set a proxy (mode + the lines naming one) */
  provisionProxy: { mode: string; line: string }[];
  /** colima.yaml `docker:` → daemon.json: its `proxies` */
  dockerProxies: VarValue[];
}

function yamlFile(ev: Evidence, path: string, errors: FileError[]): YamlEnvFile | null {
  const text = ev.files[path];
  if (text == null) return null;
  if (text.length > MAX_YAML) {
    errors.push({ path, line: 1, column: 1, message: `larger than ${MAX_YAML} bytes` });
    return null;
  }
  // the yaml library recurses per nesting level: a hostile file deep enough aborts node, which no catch survives
  const deep = nestingProblem(text, { ops: 0 }, path);
  if (deep) {
    errors.push({ path, line: 1, column: 1, message: deep });
    return null;
  }
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(text, {
      uniqueKeys: true,
      maxAliasCount: 100,
      prettyErrors: false,
      logLevel: 'error',
    }) ?? {}) as Record<string, unknown>;
  } catch (e) {
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    errors.push({
      path,
      line: pos?.line ?? 1,
      column: pos?.col ?? 1,
      message: String((e as Error).message).split('\n')[0]!,
    });
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const origin = { kind: 'file' as const, ref: path };
  const vars = (o: unknown): VarValue[] =>
    o && typeof o === 'object' && !Array.isArray(o)
      ? Object.entries(o as Record<string, unknown>)
          .filter(([k, v]) => isProxyVar(k) && (typeof v === 'string' || typeof v === 'number'))
          .map(([name, v]) => ({ name, value: String(v), origin }))
      : [];
  const provision = Array.isArray(doc.provision) ? doc.provision : [];
  const provisionProxy = provision.flatMap((p) => {
    const script =
      typeof (p as { script?: unknown })?.script === 'string' ? (p as { script: string }).script : '';
    const mode = String((p as { mode?: unknown })?.mode ?? 'system');
    return script
      .split('\n')
      .filter((l) => /(https?|no|all)_proxy\s*=|proxies/i.test(l))
      .map((line) => ({ mode, line: line.trim() }));
  });
  const proxies = ((doc.docker as { proxies?: unknown } | undefined)?.proxies ?? {}) as Record<
    string,
    unknown
  >;
  const dockerProxies = ['http-proxy', 'https-proxy', 'no-proxy']
    .filter((k) => typeof proxies[k] === 'string')
    .map((k) => ({ name: k, value: String(proxies[k]), origin }));
  return {
    path,
    env: vars(doc.env),
    propagate: typeof doc.propagateProxyEnv === 'boolean' ? doc.propagateProxyEnv : null,
    provisionProxy,
    dockerProxies,
  };
}

export interface ColimaState {
  profile: string;
  version: Version | null;
  /** colima ≥ 0.7.6 resolves a loopback proxy to the host gateway in daemon.json */
  rewritesLoopback: boolean | null;
  yaml: YamlEnvFile | null;
  limaOverride: YamlEnvFile | null;
  /** the VM's /etc/docker/daemon.json `proxies` (colima ssh), null when not read */
  vmDaemonProxies: VarValue[] | null;
  /** the VM's /etc/environment proxy lines (Lima's propagated env), null when not read */
  vmEnvironment: VarValue[] | null;
}

export interface RancherState {
  path: string;
  /** settings.json was found (the rest are its values, or the defaults when it was not) */
  settings: boolean;
  enabled: boolean;
  address: string;
  port: number | null;
  noproxy: string[];
  /** macOS/Linux: the `_config/override.yaml` of Rancher Desktop's own Lima */
  limaOverride: YamlEnvFile | null;
}

export interface VmEnginesState {
  /** the engine the docker CLI's endpoint belongs to */
  engine: VmEngine | null;
  endpoint: string | null;
  colima: ColimaState | null;
  lima: { override: YamlEnvFile | null; defaults: YamlEnvFile | null } | null;
  rancher: RancherState | null;
  errors: FileError[];
}

function vmVars(ev: Evidence, argv: string[], kind: 'json' | 'env'): VarValue[] | null {
  const r = findCommand(ev, argv);
  if (r?.exitCode !== 0) return null;
  const origin = { kind: 'command' as const, ref: argv.join(' ') };
  if (kind === 'env')
    return r.stdout
      .split('\n')
      .map((l) => /^\s*([A-Za-z_]+)=["']?([^"'\n]*)["']?\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && isProxyVar(m[1]!))
      .map((m) => ({ name: m[1]!, value: m[2]!, origin }));
  const j = parseStrictJson(argv.join(' '), r.stdout);
  const p = j.ok ? ((j.value as { proxies?: Record<string, unknown> })?.proxies ?? {}) : {};
  return ['http-proxy', 'https-proxy', 'no-proxy']
    .filter((k) => typeof p[k] === 'string')
    .map((k) => ({ name: k, value: String(p[k]), origin }));
}

/**
 * Rancher Desktop's settings.json: experimental.virtualMachine.proxy (settings version 14+, Windows/WSL only), and on
 * macOS/Linux its Lima's override.yaml.
 */
function rancherOf(ev: Evidence, ctx: EngineContext, errors: FileError[]): RancherState | null {
  const path = rancherSettingsPath(ctx);
  const text = ev.files[path];
  const overridePath = rancherLimaOverridePath(ctx);
  const limaOverride = overridePath ? yamlFile(ev, overridePath, errors) : null;
  if (text == null && !limaOverride) return null;
  let proxy: Record<string, unknown> | undefined;
  if (text != null) {
    const j = parseStrictJson(path, text);
    if (!j.ok) errors.push(j.error);
    else
      proxy = (j.value as { experimental?: { virtualMachine?: { proxy?: Record<string, unknown> } } })
        ?.experimental?.virtualMachine?.proxy;
  }
  return {
    path,
    settings: text != null,
    enabled: proxy?.enabled === true,
    address: typeof proxy?.address === 'string' ? proxy.address : '',
    port: typeof proxy?.port === 'number' ? proxy.port : null,
    noproxy: Array.isArray(proxy?.noproxy)
      ? proxy.noproxy.filter((x): x is string => typeof x === 'string')
      : [],
    limaOverride,
  };
}

export function analyzeVmEngines(ev: Evidence, ctx: EngineContext): VmEnginesState {
  const errors: FileError[] = [];
  const endpoint = dockerEndpoint(ev);
  const info = findCommand(ev, CMD.dockerInfo);
  // Rancher Desktop on Windows serves the default npipe; its docker info names the distribution
  const os = info?.exitCode === 0 ? parseDockerInfo(info.stdout)?.operatingSystem : null;
  const rdInfo = /^Rancher Desktop/.test(os ?? '');
  const found =
    (endpoint ? engineOfEndpoint(endpoint) : null) ??
    (rdInfo ? { engine: 'rancher-desktop' as const } : null);
  const profile = found?.engine === 'colima' && found.profile ? found.profile : colimaProfile(ctx);
  const cf = colimaFiles({ ...ctx, env: { ...ctx.env, COLIMA_PROFILE: profile } });
  const yaml = yamlFile(ev, cf.yaml, errors);
  const versionText = findCommand(ev, ENGINE_CMD.colimaVersion);
  const version =
    versionText?.exitCode === 0 ? parseVersion(/colima version v?(\S+)/.exec(versionText.stdout)?.[1]) : null;
  const colima: ColimaState | null =
    found?.engine === 'colima' || yaml || version
      ? {
          profile,
          version,
          rewritesLoopback: version
            ? version[0] > 0 || version[1] > 7 || (version[1] === 7 && version[2] >= 6)
            : null,
          yaml,
          limaOverride: yamlFile(ev, cf.limaOverride, errors),
          vmDaemonProxies: vmVars(ev, colimaSshArgv(profile, COLIMA_VM_FILES[0]), 'json'),
          vmEnvironment: vmVars(ev, colimaSshArgv(profile, COLIMA_VM_FILES[1]), 'env'),
        }
      : null;
  const lf = limaFiles(ctx);
  const limaOverride = yamlFile(ev, lf.limaOverride, errors);
  const limaDefaults = yamlFile(ev, lf.limaDefault, errors);
  return {
    engine: found?.engine ?? null,
    endpoint,
    colima,
    lima:
      found?.engine === 'lima' || limaOverride || limaDefaults
        ? { override: limaOverride, defaults: limaDefaults }
        : null,
    rancher: rancherOf(ev, ctx, errors),
    errors,
  };
}

/**
 * Rancher Desktop's experimental proxy on Windows (and seen from WSL): its VM sends dockerd's and the containers'
 * TCP 80/443 to moproxy, which forwards to this proxy (backend/wsl.ts writeProxySettings: iptables MOPROXY chain from
 * OUTPUT and PREROUTING). Nothing sets a variable, so `docker info` shows no proxy: this layer is the proxy the user
 * chose, for the profile, never counted as the daemon's environment. Null when it is off, empty, or not on Windows.
 */
export function rancherTransparentLayer(vm: VmEnginesState, host: Evidence['host']): Layer | null {
  const rd = vm.rancher;
  if (!rd?.enabled || !rd.address || !rd.port) return null;
  if (host.platform !== 'win32' && !host.wsl) return null;
  // moproxy takes "socks5://host" for SOCKS, anything else (with or without http://) as an HTTP proxy
  const socks = rd.address.startsWith('socks5://');
  const bare = rd.address.replace(/^(https?|socks5):\/\//, '');
  const value = `${socks ? 'socks5' : 'http'}://${bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare}:${rd.port}`;
  const origin = { kind: 'file' as const, ref: `${rd.path} (experimental.virtualMachine.proxy)` };
  const vars: Layer['vars'] = {
    HTTP_PROXY: [{ name: 'HTTP_PROXY', value, origin }],
    HTTPS_PROXY: [{ name: 'HTTPS_PROXY', value, origin }],
  };
  if (rd.noproxy.length) vars.NO_PROXY = [{ name: 'NO_PROXY', value: rd.noproxy.join(','), origin }];
  return {
    id: 'rancher-transparent',
    actor: 'runtime',
    label: "Rancher Desktop's transparent proxy (settings.json)",
    vars,
    go: false,
    effective: false,
  };
}
