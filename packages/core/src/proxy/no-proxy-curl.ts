// NO_PROXY and proxy selection as curl/libcurl (≥7.86) does it — the tool most RUN steps use.
// Differences from Go that matter: curl also splits on spaces, a leading dot also matches the domain itself,
// "*.example.com" and "host:port" entries never match, uppercase HTTP_PROXY is ignored, ALL_PROXY is a fallback.

import { goParseUrl } from './go-url.js';
import { cidrContains, ipEqual, parseCIDR, parseIP } from './ip.js';

export type CurlDecision =
  | { proxy: string; via: string }
  | { proxy: null; why: 'unset' | 'no-proxy' | 'invalid'; entry?: string };

export function curlNoProxyEntries(noProxy: string): string[] {
  return noProxy
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/** curl's check_noproxy: does this NO_PROXY list send host direct? Returns the matching entry. */
export function curlNoProxyMatch(noProxy: string, host: string): string | null {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  const hostIp = parseIP(name);
  for (const raw of curlNoProxyEntries(noProxy)) {
    const entry = raw.toLowerCase();
    if (entry === '*') return raw;
    if (hostIp) {
      const cidr = parseCIDR(entry);
      if (cidr && cidrContains(cidr, hostIp)) return raw;
      const ip = parseIP(entry.replace(/^\[|\]$/g, ''));
      if (ip && ipEqual(ip, hostIp)) return raw;
      continue;
    }
    const token = entry.startsWith('.') ? entry.slice(1) : entry;
    if (token === '') continue;
    if (name === token || name.endsWith(`.${token}`)) return raw;
  }
  return null;
}

/** curl's environment lookup: http uses lowercase http_proxy only; other schemes try lower then upper case. */
export function curlProxyForUrl(env: Record<string, string | undefined>, reqUrl: string): CurlDecision {
  const u = goParseUrl(reqUrl);
  if (!u.ok || !u.url.hostname) return { proxy: null, why: 'invalid' };
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? '';
  const entry = curlNoProxyMatch(noProxy, u.url.hostname);
  if (entry !== null) return { proxy: null, why: 'no-proxy', entry };
  const scheme = u.url.scheme;
  const candidates =
    scheme === 'http' ? ['http_proxy'] : [`${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`];
  candidates.push('all_proxy', 'ALL_PROXY');
  for (const name of candidates) {
    const v = env[name];
    if (v) return { proxy: v, via: name };
  }
  return { proxy: null, why: 'unset' };
}
