// Resolution computed for the VM engines' commands: what `podman machine start` with a proxy environment writes
// into the machine (default-env.conf), and what `colima restart` writes into the VM's daemon.json from colima.yaml.
import { limaVmEnv } from '../analyze/lima-env.js';
import { analyzeVmEngines } from '../analyze/vm-engines.js';
import { CMD } from '../evidence/canonical.js';
import {
  COLIMA_VM_FILES,
  colimaSshArgv,
  PODMAN_MACHINE_FILES,
  podmanMachineCatArgv,
} from '../evidence/engines-cmd.js';
import { type CommandResult, type Evidence, findCommand } from '../evidence/schema.js';
import { parseJson } from '../formats/docker-output.js';
import { isProxyVar } from '../proxy/env.js';
import { formatProxyUrl, isLoopbackHost, parseProxyUrl } from '../proxy/url.js';

function put(ev: Evidence, argv: string[], stdout: string): Evidence {
  const key = argv.join('\0');
  const rest = ev.commands.filter((c) => c.argv.join('\0') !== key);
  const next: CommandResult = { argv, exitCode: 0, stdout, stderr: '', timedOut: false, durationMs: 0 };
  return { ...ev, commands: [...rest, next] };
}

/** `env K=V … podman machine start NAME`: podman writes the proxy variables into the machine's manager env. */
export function startPodmanMachine(ev: Evidence, argv: readonly string[]): Evidence {
  const at = argv.indexOf('podman');
  const name = argv.at(-1)!;
  const vars = argv.slice(1, at).filter((a) => isProxyVar(a.slice(0, a.indexOf('='))));
  const text = `[Manager]\n${vars.map((v) => `DefaultEnvironment="${v.replace(/["\\]/g, '\\$&')}"`).join('\n')}\n`;
  return put(ev, podmanMachineCatArgv(name, PODMAN_MACHINE_FILES[0]), text);
}

/** The VM engines as the doctor reads them from this (simulated) evidence. */
const vmEngines = (ev: Evidence) =>
  analyzeVmEngines(ev, { platform: ev.host.platform, home: ev.host.home, uid: ev.host.uid, env: ev.env });

/** docker info as it reads after the VM's dockerd started with these proxies. */
export function withInfoProxies(ev: Evidence, p: { http?: string; https?: string; no?: string }): Evidence {
  const info = findCommand(ev, CMD.dockerInfo);
  if (info?.exitCode !== 0) return ev;
  const j = (parseJson(info.stdout) ?? {}) as Record<string, unknown>;
  return put(
    ev,
    [...CMD.dockerInfo],
    JSON.stringify({ ...j, HttpProxy: p.http ?? '', HttpsProxy: p.https ?? '', NoProxy: p.no ?? '' }),
  );
}

/**
 * `limactl start NAME`: Lima computes the VM's proxy environment (analyze/lima-env.ts) from its YAML files and this
 * process's environment and writes it to /etc/environment, where the docker template's dockerd takes it.
 */
export function startLima(ev: Evidence): Evidence {
  const lima = vmEngines(ev).lima;
  if (!lima) return ev;
  const env = limaVmEnv({ defaults: lima.defaults, override: lima.override, process: ev.env });
  return withInfoProxies(ev, { http: env.HTTP_PROXY, https: env.HTTPS_PROXY, no: env.NO_PROXY });
}

/**
 * `rdctl start` on macOS/Linux: Rancher Desktop's Lima computes the VM environment from its override.yaml, and the
 * boot script buildproxy adds there exports the same variables for dockerd.
 */
export function startRancher(ev: Evidence): Evidence {
  const rd = vmEngines(ev).rancher;
  if (!rd?.limaOverride) return ev;
  // Rancher Desktop starts limactl itself: the shell's variables do not reach it
  const env = limaVmEnv({ defaults: null, override: rd.limaOverride, process: {} });
  return withInfoProxies(ev, { http: env.HTTP_PROXY, https: env.HTTPS_PROXY, no: env.NO_PROXY });
}

/** `colima restart`: daemon.json `proxies` from colima.yaml env; colima ≥ 0.7.6 rewrites loopback to the gateway. */
export function restartColima(ev: Evidence): Evidence {
  const c = vmEngines(ev).colima;
  if (!c?.yaml) return ev;
  const pick = (n: string) =>
    c.yaml!.env.find((v) => v.name === n)?.value ??
    c.yaml!.env.find((v) => v.name === n.toLowerCase())?.value;
  const gw = (v: string | undefined) => {
    if (!v || c.rewritesLoopback !== true) return v;
    const p = parseProxyUrl(v);
    return p.ok && isLoopbackHost(p.url.host) ? formatProxyUrl({ ...p.url, host: '192.168.5.2' }) : v;
  };
  const proxies: Record<string, string> = {};
  const http = gw(pick('HTTP_PROXY'));
  const https = gw(pick('HTTPS_PROXY'));
  const no = pick('NO_PROXY');
  if (http) proxies['http-proxy'] = http;
  if (https) proxies['https-proxy'] = https;
  if (no) proxies['no-proxy'] = no;
  const out = put(
    ev,
    colimaSshArgv(c.profile, COLIMA_VM_FILES[0]),
    `${JSON.stringify({ proxies }, null, 2)}\n`,
  );
  // docker info reports the daemon in the VM: its new daemon.json proxies
  return withInfoProxies(out, { http, https, no });
}
