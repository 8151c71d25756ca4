// What `docker info` reports as dockerd's proxy: daemon.json `proxies` (Engine ≥ 23, not Desktop) over the
// process environment, credentials masked the way dockerd masks them. Used wherever evidence is synthesised or
// projected forward (rule examples, plan resolution), so both agree with the real daemon.

import { parseStrictJson } from '../formats/json-file.js';
import { goEffective } from '../proxy/env.js';

export function daemonJsonProxies(path: string, text: string | null | undefined): Record<string, string> {
  if (!text) return {};
  const parsed = parseStrictJson(path, text);
  return parsed.ok
    ? (((parsed.value as { proxies?: Record<string, string> } | null)?.proxies ?? {}) as Record<
        string,
        string
      >)
    : {};
}

export function maskLikeDocker(v: string): string {
  return v.replace(/^([a-z0-9+.-]+:\/\/)[^@/]*@/i, '$1xxxxx:xxxxx@');
}

export function dockerInfoProxies(
  env: Record<string, string>,
  proxies: Record<string, string>,
  useDaemonJson: boolean,
): { HttpProxy: string; HttpsProxy: string; NoProxy: string } {
  const pick = (name: 'HTTP_PROXY' | 'HTTPS_PROXY' | 'NO_PROXY', key: string) =>
    (useDaemonJson ? proxies[key] : undefined) ?? goEffective(env, name)?.value ?? '';
  return {
    HttpProxy: maskLikeDocker(pick('HTTP_PROXY', 'http-proxy')),
    HttpsProxy: maskLikeDocker(pick('HTTPS_PROXY', 'https-proxy')),
    NoProxy: pick('NO_PROXY', 'no-proxy'),
  };
}
