// Just enough of Go's net/url.Parse to decide what dockerd/buildkitd make of a proxy value.
// Go ignores a proxy value it cannot parse and then connects direct, so the exact accept/reject line matters.

export type GoUrl = {
  scheme: string;
  userinfo: string | null;
  host: string; // host[:port] as in url.URL.Host (IPv6 in brackets)
  hostname: string; // url.Hostname(): brackets removed, zone unescaped
  port: string;
};

export type GoUrlResult = { ok: true; url: GoUrl } | { ok: false; error: string };

function getScheme(raw: string): { scheme: string; rest: string } | { error: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) return { error: 'missing protocol scheme' };
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

const USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;
const HOST_OK = /^[A-Za-z0-9\-._~!$&'()*+,;=%]*$/;

function unescapePercent(s: string): string | null {
  if (/%(?![0-9a-fA-F]{2})/.test(s)) return null;
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  }
}

export function goParseUrl(input: string): GoUrlResult {
  if (/[\x00-\x1f\x7f]/.test(input)) return { ok: false, error: 'invalid control character in URL' };
  let raw = input;
  const hash = raw.indexOf('#');
  if (hash >= 0) raw = raw.slice(0, hash);
  const s = getScheme(raw);
  if ('error' in s) return { ok: false, error: s.error };
  let rest = s.rest;
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  const scheme = s.scheme.toLowerCase();
  if (!rest.startsWith('//')) {
    if (!scheme) {
      const colon = rest.indexOf(':');
      const slash = rest.indexOf('/');
      if (colon >= 0 && (slash < 0 || colon < slash)) {
        return { ok: false, error: 'first path segment in URL cannot contain colon' };
      }
    }
    return { ok: true, url: { scheme, userinfo: null, host: '', hostname: '', port: '' } };
  }
  let authority = rest.slice(2);
  const slash = authority.indexOf('/');
  if (slash >= 0) {
    if (unescapePercent(authority.slice(slash)) === null)
      return { ok: false, error: 'invalid URL escape in path' };
    authority = authority.slice(0, slash);
  }
  let userinfo: string | null = null;
  let host = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    userinfo = authority.slice(0, at);
    host = authority.slice(at + 1);
    if (!USERINFO_OK.test(userinfo)) return { ok: false, error: 'net/url: invalid userinfo' };
    if (unescapePercent(userinfo) === null) return { ok: false, error: 'invalid URL escape' };
  }
  let hostname: string;
  let port = '';
  if (host.startsWith('[')) {
    const end = host.lastIndexOf(']');
    if (end < 0) return { ok: false, error: "missing ']' in host" };
    const after = host.slice(end + 1);
    if (after !== '' && !/^:\d*$/.test(after))
      return { ok: false, error: `invalid port "${after}" after host` };
    port = after.slice(1);
    const inner = unescapePercent(host.slice(1, end));
    if (inner === null) return { ok: false, error: 'invalid URL escape' };
    hostname = inner;
  } else {
    const colon = host.lastIndexOf(':');
    let name = host;
    if (colon >= 0) {
      const p = host.slice(colon);
      if (!/^:\d*$/.test(p)) return { ok: false, error: `invalid port "${p}" after host` };
      port = p.slice(1);
      name = host.slice(0, colon);
    }
    if (!HOST_OK.test(name)) {
      const bad = [...name].find((c) => !HOST_OK.test(c));
      return { ok: false, error: `invalid character "${bad}" in host name` };
    }
    const un = unescapePercent(name);
    if (un === null) return { ok: false, error: 'invalid URL escape' };
    hostname = un;
  }
  return { ok: true, url: { scheme, userinfo, host, hostname, port } };
}

/**
 * Go's httpproxy.parseProxy: a value without a usable scheme and host is retried as "http://" + value.
 * Returns the proxy URL Go would use, or null when Go rejects it (and so silently goes direct).
 */
export function goParseProxy(value: string): { url: GoUrl; text: string } | { error: string } | null {
  if (value === '') return null;
  const first = goParseUrl(value);
  if (!first.ok || first.url.scheme === '' || first.url.host === '') {
    const retry = goParseUrl(`http://${value}`);
    if (retry.ok) return { url: retry.url, text: `http://${value}` };
  }
  if (!first.ok) return { error: `invalid proxy address "${value}": ${first.error}` };
  return { url: first.url, text: value };
}
