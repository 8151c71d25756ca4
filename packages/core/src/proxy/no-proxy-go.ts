// NO_PROXY and proxy selection with the semantics of golang.org/x/net/http/httpproxy, which dockerd, buildkitd,
// buildx and containerd use via net/http's ProxyFromEnvironment. Go 1.24 by default; Go 1.19 (Debian's
// dockerd 20.10) where it differs. Every branch is checked against real Go in test/proxy/go-oracle.
import {
  exactIpNoProxy,
  type GoUrl,
  type GoVersion,
  goParseProxy,
  goParseUrl,
  keepsProxyScheme,
} from './go-url.js';
import {
  type Cidr,
  cidrContains,
  type IP,
  ipEqual,
  isLoopback,
  parseAddrZoned,
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

const ASCII = /^[\x00-\x7f]*$/;

/**
 * idna.Lookup.ToASCII, or the input unchanged where Go's call fails (Go then keeps the non-ASCII name, which
 * no NO_PROXY entry in punycode matches). Go's Lookup profile adds STD3 rules and hyphen checks to UTS #46.
 */
export function idnaToASCII(host: string): string {
  if (ASCII.test(host)) return host;
  let out: string;
  try {
    out = new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
  if (!/^[a-z0-9.-]*$/.test(out)) return host; // STD3: only letters, digits and hyphens in a label
  for (const label of out.split('.')) {
    if (label.startsWith('-') || label.endsWith('-')) return host;
    if (!label.startsWith('xn--') && label.slice(2, 4) === '--') return host;
  }
  return out;
}

/** Go splits NO_PROXY on commas only; every entry is trimmed and lowercased. */
export function parseGoNoProxy(noProxy: string): NoProxyEntry[] {
  const out: NoProxyEntry[] = [];
  for (const part of noProxy.split(',')) {
    const p = part.trim().toLowerCase();
    if (p === '') continue;
    // A "*" anywhere disables the proxy for everything, and Go stops reading the list there.
    if (p === '*') return [{ raw: part, matcher: { kind: 'all', entry: p } }];
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
  return out;
}

export type BypassReason =
  | { bypass: true; why: 'localhost' | 'loopback' }
  | { bypass: true; why: 'no-proxy'; entry: string }
  | { bypass: false };

/** Go's useProxy, inverted: does NO_PROXY (or the loopback rule) send hostport direct? */
export function goBypass(noProxy: string, hostport: string, go: GoVersion = '1.24'): BypassReason {
  const hp = splitHostPort(hostport);
  if (!hp) return { bypass: true, why: 'loopback' }; // Go: SplitHostPort failed → no proxy
  const { host, port } = hp;
  if (host === 'localhost') return { bypass: true, why: 'localhost' };
  // Go 1.24 reads the host with netip.ParseAddr (an IPv6 zone is allowed), Go 1.19-1.23 with net.ParseIP.
  const ip = exactIpNoProxy(go) ? parseAddrZoned(host) : parseIP(host);
  if (ip && isLoopback(ip)) return { bypass: true, why: 'loopback' };
  const addr = host.trim().toLowerCase();
  const entries = parseGoNoProxy(noProxy);
  for (const { matcher: m } of entries) {
    if (m?.kind === 'all') return { bypass: true, why: 'no-proxy', entry: '*' };
  }
  if (ip) {
    for (const { matcher: m } of entries) {
      if (m?.kind === 'cidr' && cidrContains(m.cidr, ip))
        return { bypass: true, why: 'no-proxy', entry: m.entry };
      if (m?.kind === 'ip' && ipEqual(m.ip, ip) && (m.port === '' || m.port === port))
        return { bypass: true, why: 'no-proxy', entry: m.entry };
    }
  }
  // Go 1.24 never matches an IP literal by name suffix (NO_PROXY=.3 does not bypass 10.1.2.3); 1.19-1.23 do.
  if (ip && exactIpNoProxy(go)) return { bypass: false };
  for (const { matcher: m } of entries) {
    if (m?.kind !== 'domain') continue;
    if (addr.endsWith(m.host) || (m.matchHost && addr === m.host.slice(1))) {
      if (m.port === '' || m.port === port) return { bypass: true, why: 'no-proxy', entry: m.entry };
    }
  }
  return { bypass: false };
}

/** net.JoinHostPort */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** httpproxy's canonicalAddr for the request URL: punycode host, default port by scheme. */
export function canonicalAddr(u: GoUrl): string {
  const ports: Record<string, string> = { http: '80', https: '443', socks5: '1080' };
  return joinHostPort(idnaToASCII(u.hostname), u.port || ports[u.scheme] || '');
}

/** net/http's canonicalAddr for the proxy URL: the host:port a Transport really dials. */
export function goDialAddr(u: GoUrl, go: GoVersion = '1.24'): string {
  const ports: Record<string, string> = { http: '80', https: '443', socks5: '1080' };
  if (keepsProxyScheme(go)) ports.socks5h = '1080';
  return joinHostPort(idnaToASCII(u.hostname), u.port || ports[u.scheme] || '');
}

export type GoDecision =
  | {
      proxy: string;
      via: 'HTTP_PROXY' | 'HTTPS_PROXY';
      url: GoUrl;
      /** the host:port a Transport dials; null: the Transport fails first ("http: no Host in request URL") */
      dial: string | null;
      retried: boolean;
    }
  | {
      proxy: null;
      why: 'scheme' | 'unset' | 'invalid' | 'localhost' | 'loopback' | 'no-proxy';
      entry?: string;
    }
  | { proxy: null; why: 'cgi' | 'bad-url'; error: string };

/** Go's ProxyFunc()(url) after http.NewRequest(url): which proxy a Go program uses for reqUrl, and why. */
export function goProxyForUrl(cfg: GoProxyConfig, reqUrl: string, go: GoVersion = '1.24'): GoDecision {
  const req = goParseUrl(reqUrl);
  if (!req.ok) return { proxy: null, why: 'bad-url', error: req.error };
  const { scheme } = req.url;
  let value: string | undefined;
  let via: 'HTTP_PROXY' | 'HTTPS_PROXY';
  if (scheme === 'https') {
    value = cfg.httpsProxy;
    via = 'HTTPS_PROXY';
  } else if (scheme === 'http') {
    value = cfg.httpProxy;
    via = 'HTTP_PROXY';
  } else {
    return { proxy: null, why: 'scheme' };
  }
  if (!value) return { proxy: null, why: 'unset' };
  const parsed = goParseProxy(value, go);
  if (!parsed || 'error' in parsed) return { proxy: null, why: 'invalid' };
  if (via === 'HTTP_PROXY' && cfg.cgi) {
    return {
      proxy: null,
      why: 'cgi',
      error: 'refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy',
    };
  }
  const b = goBypass(cfg.noProxy ?? '', canonicalAddr(req.url), go);
  if (b.bypass)
    return b.why === 'no-proxy'
      ? { proxy: null, why: 'no-proxy', entry: b.entry }
      : { proxy: null, why: b.why };
  const dial = req.url.host === '' ? null : goDialAddr(parsed.url, go);
  return { proxy: parsed.text, via, url: parsed.url, dial, retried: parsed.retried };
}

/** Go's FromEnvironment: exactly these six names (getEnvAny: uppercase first, empty counts as unset). */
export function goConfigFromEnv(env: Record<string, string | undefined>): GoProxyConfig {
  const any = (a: string, b: string) => env[a] || env[b] || undefined;
  return {
    httpProxy: any('HTTP_PROXY', 'http_proxy'),
    httpsProxy: any('HTTPS_PROXY', 'https_proxy'),
    noProxy: any('NO_PROXY', 'no_proxy'),
    cgi: Boolean(env.REQUEST_METHOD),
  };
}

/**
 * What Go makes of a proxy value: the host:port it dials, and whether that is something nobody configured
 * (a retried value that had a scheme, "http://DOMAIN\\user:pw@p:3128" → "http:80", or a host that is neither a
 * DNS name nor an IP). null: empty; error: Go rejects it and connects direct.
 */
export function goProxyTarget(
  value: string,
  go: GoVersion = '1.24',
): { dial: string; mangled: boolean } | { error: string } | null {
  const p = goParseProxy(value, go);
  if (!p || 'error' in p) return p;
  const host = p.url.hostname;
  const plausible = /^[A-Za-z0-9.-]+$/.test(host) || parseIP(host) !== null;
  return { dial: goDialAddr(p.url, go), mangled: (p.retried && value.includes('://')) || !plausible };
}
