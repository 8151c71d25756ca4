// The proxy environment Lima gives a VM when it starts, as lima-vm/lima pkg/cidata/cidata.go setupEnv computes it:
//   1. the host's system proxy settings (macOS: scutil),
//   2. overwritten by `env:` — merged default.yaml < the instance's lima.yaml < override.yaml
//      (templates/default.yaml, "GLOBAL DEFAULTS AND OVERRIDES": maps are combined key by key),
//   3. overwritten by the limactl process environment when propagateProxyEnv is true (the default; override.yaml
//      wins over lima.yaml wins over default.yaml for this scalar),
//   4. an empty value deletes the variable; a proxy whose host is loopback becomes the slirp gateway 192.168.5.2
//      (lima-vm/lima#351, #508),
//   5. lower and upper case are made equal, the lower-case value winning.
// Pure: the inputs are the files and the environment the evidence recorded.
import { formatProxyUrl, isLoopbackHost, parseProxyUrl } from '../proxy/url.js';
import type { YamlEnvFile } from './vm-engines.js';

export const LIMA_GATEWAY = '192.168.5.2';
const LOWER = ['ftp_proxy', 'http_proxy', 'https_proxy', 'no_proxy'] as const;

export interface LimaEnvInput {
  system?: Record<string, string>;
  defaults: YamlEnvFile | null;
  instance?: YamlEnvFile | null;
  override: YamlEnvFile | null;
  /** the environment of the process that runs `limactl start` */
  process: Record<string, string>;
}

export function limaVmEnv(i: LimaEnvInput): Record<string, string> {
  const files = [i.defaults, i.instance ?? null, i.override];
  const env: Record<string, string> = { ...(i.system ?? {}) };
  for (const f of files) for (const v of f?.env ?? []) env[v.name] = v.value;
  const propagate = [...files].reverse().find((f) => f?.propagate != null)?.propagate ?? true;
  const names = [...LOWER, ...LOWER.map((n) => n.toUpperCase())];
  if (propagate) for (const n of names) if (n in i.process) env[n] = i.process[n]!;
  for (const n of names) {
    if (!(n in env)) continue;
    if (env[n] === '') {
      delete env[n];
      continue;
    }
    if (n.toLowerCase() === 'no_proxy') continue;
    const p = parseProxyUrl(env[n]!);
    if (p.ok && isLoopbackHost(p.url.host)) env[n] = formatProxyUrl({ ...p.url, host: LIMA_GATEWAY });
  }
  for (const lower of LOWER) {
    const upper = lower.toUpperCase();
    if (lower in env) env[upper] = env[lower]!;
    else if (upper in env) env[lower] = env[upper]!;
  }
  return env;
}
