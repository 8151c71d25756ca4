// NO_PROXY and proxy selection with the semantics of golang.org/x/net/http/httpproxy, which dockerd, buildkitd,
// buildx and containerd use via net/http's ProxyFromEnvironment.
import { goParseProxy, goParseUrl } from './go-url.js';
import {
  type Cidr,
  cidrContains,
  type IP,
  ipEqual,
  isLoopback,
  parseCIDR,
  parseIP,
  splitHostPort,
} from './ip.js';

export interface GoProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
  /** REQUEST_METHOD was set: HTTP_PROXY is refused (httpoxy). */
  cgi?: boolean;
}

type Matcher =
  | { kind: 'all'; entry: string }
  | { kind: 'cidr'; entry: string; cidr: Cidr }
  | { kind: 'ip'; entry: string; ip: IP; port: string }
  | { kind: 'domain'; entry: string; host: string; port: string; matchHost: boolean };

export interface NoProxyEntry {
  raw: string;
  matcher: Matcher | null; // null: Go ignores the entry
}

export function idnaToASCII(host: string): string {
  if (/^[\x00-\x7f]*$/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

/** Go splits NO_PROXY on commas only; every entry is trimmed and lowercased. */
export function parseGoNoProxy(noProxy: string): NoProxyEntry[] {
  const out: NoProxyEntry[] = [];
  for (const part of noProxy.split(',')) {
    const p = part.trim().toLowerCase();
    if (p === '') continue;
    if (p === '*') {
      out.push({ raw: part, matcher: { kind: 'all', entry: p } });
      continue;
    }
    const cidr = parseCIDR(p);
    if (cidr) {
      out.push({ raw: part, matcher: { kind: 'cidr', entry: p, cidr } });
      continue;
    }
    let phost = p;
    let pport = '';
    const hp = splitHostPort(p);
    if (hp) {
      if (hp.host === '') {
        out.push({ raw: part, matcher: null });
        continue;
      }
      phost = hp.host.startsWith('[') && hp.host.endsWith(']') ? hp.host.slice(1, -1) : hp.host;
      pport = hp.port;
    }
    const ip = parseIP(phost);
    if (ip) {
      out.push({ raw: part, matcher: { kind: 'ip', entry: p, ip, port: pport } });
      continue;
    }
    if (phost === '') {
      out.push({ raw: part, matcher: null });
      continue;
    }
    if (phost.startsWith('*.')) phost = phost.slice(1);
    let matchHost = false;
    if (!phost.startsWith('.')) {
      matchHost = true;
      phost = `.${phost}`;
    }
    phost = idnaToASCII(phost);
    out.push({ raw: part, matcher: { kind: 'domain', entry: p, host: phost, port: pport, matchHost } });
  }
  // A lone "*" disables the proxy for everything, whatever else is listed.
  const all = out.find((e) => e.matcher?.kind === 'all');
  return all ? [all] : out;
}

export type BypassReason =
  | { bypass: true; why: 'localhost' | 'loopback' }
  | { bypass: true; why: 'no-proxy'; entry: string }
  | { bypass: false };

/** Go's useProxy, inverted: does NO_PROXY (or the loopback rule) send hostport direct? */
export function goBypass(noProxy: string, hostport: string): BypassReason {
  const hp = splitHostPort(hostport);
  if (!hp) return { bypass: true, why: 'loopback' };
  let host = hp.host;
  const { port } = hp;
  if (host === 'localhost') return { bypass: true, why: 'localhost' };
  // An IPv6 zone ("fe80::1%eth0") is never part of a domain name (CVE-2025-22870).
  const zone = host.includes(':') ? host.indexOf('%') : -1;
  if (zone >= 0) host = host.slice(0, zone);
  const ip = parseIP(host);
  if (ip && isLoopback(ip)) return { bypass: true, why: 'loopback' };
  const addr = host.trim().toLowerCase();
  const entries = parseGoNoProxy(noProxy);
  for (const { matcher: m } of entries) {
    if (!m) continue;
    if (m.kind === 'all') return { bypass: true, why: 'no-proxy', entry: '*' };
    if (ip && m.kind === 'cidr' && cidrContains(m.cidr, ip))
      return { bypass: true, why: 'no-proxy', entry: m.entry };
    if (ip && m.kind === 'ip' && ipEqual(m.ip, ip) && (m.port === '' || m.port === port)) {
      return { bypass: true, why: 'no-proxy', entry: m.entry };
    }
  }
  if (!host.includes(':')) {
    for (const { matcher: m } of entries) {
      if (m?.kind !== 'domain') continue;
      if (addr.endsWith(m.host) || (m.matchHost && addr === m.host.slice(1))) {
        if (m.port === '' || m.port === port) return { bypass: true, why: 'no-proxy', entry: m.entry };
      }
    }
  }
  return { bypass: false };
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', socks5: '1080' };

export function canonicalAddr(reqUrl: string): { scheme: string; hostport: string } | null {
  const u = goParseUrl(reqUrl);
  if (!u.ok) return null;
  const host = idnaToASCII(u.url.hostname);
  const port = u.url.port || DEFAULT_PORTS[u.url.scheme] || '';
  return { scheme: u.url.scheme, hostport: host.includes(':') ? `[${host}]:${port}` : `${host}:${port}` };
}

export type GoDecision =
  | { proxy: string; via: 'HTTP_PROXY' | 'HTTPS_PROXY' }
  | {
      proxy: null;
      why: 'scheme' | 'unset' | 'invalid' | 'localhost' | 'loopback' | 'no-proxy';
      entry?: string;
    }
  | { proxy: null; why: 'cgi'; error: string };

/** Go's ProxyFunc()(url): which proxy a Go program uses for reqUrl, and why. */
export function goProxyForUrl(cfg: GoProxyConfig, reqUrl: string): GoDecision {
  const addr = canonicalAddr(reqUrl);
  if (!addr) return { proxy: null, why: 'invalid' };
  let value: string | undefined;
  let via: 'HTTP_PROXY' | 'HTTPS_PROXY';
  if (addr.scheme === 'https') {
    value = cfg.httpsProxy;
    via = 'HTTPS_PROXY';
  } else if (addr.scheme === 'http') {
    value = cfg.httpProxy;
    via = 'HTTP_PROXY';
  } else {
    return { proxy: null, why: 'scheme' };
  }
  if (!value) return { proxy: null, why: 'unset' };
  const parsed = goParseProxy(value);
  if (!parsed || 'error' in parsed) return { proxy: null, why: 'invalid' };
  if (via === 'HTTP_PROXY' && cfg.cgi) {
    return {
      proxy: null,
      why: 'cgi',
      error: 'refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy',
    };
  }
  const b = goBypass(cfg.noProxy ?? '', addr.hostport);
  if (b.bypass)
    return b.why === 'no-proxy'
      ? { proxy: null, why: 'no-proxy', entry: b.entry }
      : { proxy: null, why: b.why };
  return { proxy: parsed.text, via };
}

/** Go's getEnvAny: the uppercase variable wins when both are set and non-empty. */
export function goConfigFromEnv(env: Record<string, string | undefined>): GoProxyConfig {
  const any = (a: string, b: string) => env[a] || env[b] || undefined;
  return {
    httpProxy: any('HTTP_PROXY', 'http_proxy'),
    httpsProxy: any('HTTPS_PROXY', 'https_proxy'),
    noProxy: any('NO_PROXY', 'no_proxy'),
    cgi: Boolean(env.REQUEST_METHOD),
  };
}
