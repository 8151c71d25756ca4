// Proxy URL validation that names exactly what is wrong and how to fix it. Accepts what Go's net/http accepts
// (missing scheme means http://) but rejects values that only work by accident or break other tools.

export type ProxyScheme = 'http' | 'https' | 'socks5' | 'socks5h';

export interface ProxyUrl {
  scheme: ProxyScheme;
  schemeGiven: boolean;
  username: string | null;
  password: string | null;
  host: string; // without brackets
  port: number | null; // null when omitted (Go uses the scheme default)
  effectivePort: number;
}

export interface ProxyUrlProblem {
  code:
    | 'empty'
    | 'whitespace'
    | 'quoted'
    | 'scheme'
    | 'empty-host'
    | 'bad-host'
    | 'bad-port'
    | 'credentials-unencoded'
    | 'bad-escape'
    | 'list'
    | 'path';
  message: string;
  fix: string;
}

export type ProxyUrlResult = { ok: true; url: ProxyUrl } | { ok: false; problem: ProxyUrlProblem };

const DEFAULT_PORT: Record<ProxyScheme, number> = { http: 80, https: 443, socks5: 1080, socks5h: 1080 };

function fail(code: ProxyUrlProblem['code'], message: string, fix: string): ProxyUrlResult {
  return { ok: false, problem: { code, message, fix } };
}

export function parseProxyUrl(value: string): ProxyUrlResult {
  if (value.trim() === '') {
    return fail('empty', 'the proxy URL is empty', 'set it to http://HOST:PORT, or remove the variable');
  }
  if (value !== value.trim() || /\s/.test(value)) {
    return fail(
      'whitespace',
      'the proxy URL contains whitespace',
      'remove the spaces, tabs or newlines around and inside the value',
    );
  }
  if (/^["']|["']$/.test(value)) {
    return fail(
      'quoted',
      'the proxy URL is wrapped in quotes, which become part of the value',
      'remove the quote characters from the value itself',
    );
  }
  if (value.includes(',')) {
    return fail(
      'list',
      'the value lists several proxies separated by commas; Go, curl and apt read it as one URL',
      'keep one proxy URL (a comma inside a password is written %2C)',
    );
  }
  let rest = value;
  let scheme: ProxyScheme = 'http';
  let schemeGiven = false;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value);
  if (m) {
    const s = m[1]!.toLowerCase();
    if (s !== 'http' && s !== 'https' && s !== 'socks5' && s !== 'socks5h') {
      return fail(
        'scheme',
        `unsupported proxy scheme "${m[1]}"`,
        'use http:// (or socks5:// for a SOCKS proxy)',
      );
    }
    scheme = s;
    schemeGiven = true;
    rest = value.slice(m[0].length);
  }
  let username: string | null = null;
  let password: string | null = null;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    // A backslash is the usual NTLM form (DOMAIN\user): Go rejects the URL, retries it and dials "http:80".
    for (const ch of ['@', '/', '?', '#', '\\']) {
      if (userinfo.includes(ch)) {
        return fail(
          'credentials-unencoded',
          `the user name or password contains an unencoded "${ch}"`,
          ch === '\\'
            ? 'percent-encode it as %5C (DOMAIN%5Cuser)'
            : `percent-encode it as ${encodeURIComponent(ch)} (e.g. p${encodeURIComponent(ch)}ss)`,
        );
      }
    }
    if (/%(?![0-9a-fA-F]{2})/.test(userinfo)) {
      return fail(
        'credentials-unencoded',
        'the user name or password contains a "%" that is not a %XX escape',
        'percent-encode a literal % as %25',
      );
    }
    const colon = userinfo.indexOf(':');
    username = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    password = colon >= 0 ? userinfo.slice(colon + 1) : null;
    rest = rest.slice(at + 1);
  } else {
    const hash = rest.indexOf('#');
    if (hash >= 0 && rest.slice(hash).includes('@')) {
      return fail(
        'credentials-unencoded',
        'the password contains an unencoded "#", which cuts the URL short',
        'percent-encode it as %23',
      );
    }
  }
  const slash = rest.search(/[/?#]/);
  const hostport = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash) : '';
  if (path !== '' && path !== '/') {
    return fail(
      'path',
      `the proxy URL has a path "${path}"`,
      'a proxy URL is only scheme://[user:pass@]host:port',
    );
  }
  let host: string;
  let portText: string | null = null;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0)
      return fail(
        'bad-host',
        'the IPv6 address is missing its closing "]"',
        'write it as [2001:db8::1]:3128',
      );
    host = hostport.slice(1, end);
    const after = hostport.slice(end + 1);
    if (after !== '') {
      if (!after.startsWith(':'))
        return fail(
          'bad-host',
          `unexpected "${after}" after the IPv6 address`,
          'write it as [2001:db8::1]:3128',
        );
      portText = after.slice(1);
    }
  } else {
    const colon = hostport.lastIndexOf(':');
    if (colon >= 0) {
      host = hostport.slice(0, colon);
      portText = hostport.slice(colon + 1);
      if (host.includes(':'))
        return fail(
          'bad-host',
          'an IPv6 proxy address must be in brackets',
          'write it as [2001:db8::1]:3128',
        );
    } else {
      host = hostport;
    }
  }
  if (host === '') {
    return fail(
      'empty-host',
      'the proxy URL has no host (often an unexpanded variable)',
      'write the proxy host name or IP, e.g. http://proxy.corp:3128',
    );
  }
  if (!/^[A-Za-z0-9._:-]+$/.test(host) && !/^[^\x00-\x7f]/.test(host)) {
    return fail(
      'bad-host',
      `the proxy host "${host}" contains invalid characters`,
      'use a host name or IP address',
    );
  }
  let port: number | null = null;
  if (portText !== null) {
    if (portText === '')
      return fail('bad-port', 'the proxy URL ends with ":" but has no port', 'add the port, e.g. :3128');
    if (!/^\d+$/.test(portText))
      return fail('bad-port', `the port "${portText}" is not a number`, 'use a numeric port, e.g. :3128');
    port = Number(portText);
    if (port < 1 || port > 65535)
      return fail('bad-port', `the port ${portText} is out of range`, 'use a port between 1 and 65535');
  }
  return {
    ok: true,
    url: { scheme, schemeGiven, username, password, host, port, effectivePort: port ?? DEFAULT_PORT[scheme] },
  };
}

/** The canonical form buildproxy writes: scheme://[user:pass@]host:port, credentials kept as given. */
export function formatProxyUrl(u: ProxyUrl, opts: { redact?: boolean } = {}): string {
  const host = u.host.includes(':') ? `[${u.host}]` : u.host;
  let auth = '';
  if (u.username !== null) {
    auth = u.password !== null ? `${u.username}:${opts.redact ? '***' : u.password}@` : `${u.username}@`;
  }
  return `${u.scheme}://${auth}${host}:${u.effectivePort}`;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127\./.test(h) ||
    h === '::1' ||
    h === '0:0:0:0:0:0:0:1'
  );
}

/** The proxy in this URL is on this host's loopback (127.0.0.0/8, ::1, localhost). */
export function proxyOnLoopback(value: string): boolean {
  const p = parseProxyUrl(value);
  return p.ok && isLoopbackHost(p.url.host);
}
