// The host's system proxy as each desktop keeps it: macOS `scutil --proxy`, Windows WinHTTP (`netsh winhttp show
// proxy`) and WinINET (`reg query … Internet Settings`), GNOME `gsettings list-recursively org.gnome.system.proxy`,
// KDE `kioslaverc`. Line scanners over capped text; nothing here trusts the input to be well-formed.

const MAX = 256 * 1024;

/** A system proxy as read: URLs with a scheme, the bypass list in NO_PROXY form, a PAC URL. */
export interface SystemProxySetting {
  http: string | null;
  https: string | null;
  noProxy: string[];
  pac: string | null;
}

const EMPTY: SystemProxySetting = { http: null, https: null, noProxy: [], pac: null };

function lines(text: string): string[] {
  return text.slice(0, MAX).split(/\r?\n/);
}

/** host + port → http://host:port (IPv6 bracketed); a value that already has a scheme is kept. */
export function hostPortUrl(host: string, port: string | number | null): string | null {
  const h = host.trim();
  if (!h) return null;
  const p = String(port ?? '').trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(h)) return p && !/:\d+$/.test(h) ? `${h}:${p}` : h;
  // a bare IPv6 address with a separate port gets brackets; "host:port" (port null) is kept as it is
  const bracketed = p && h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
  return p && p !== '0' ? `http://${bracketed}:${p}` : `http://${bracketed}`;
}

/** `scutil --proxy`: "<dictionary> { KEY : value … ExceptionsList : <array> { 0 : *.local } }". */
export function parseScutilProxy(text: string): SystemProxySetting {
  const kv = new Map<string, string>();
  const exceptions: string[] = [];
  let inExceptions = false;
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (inExceptions) {
      if (line === '}') inExceptions = false;
      else {
        const m = /^\d+\s*:\s*(.+)$/.exec(line);
        if (m) exceptions.push(m[1]!.trim());
      }
      continue;
    }
    const m = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'ExceptionsList' && m[2]!.startsWith('<array>')) inExceptions = true;
    else kv.set(m[1]!, m[2]!.trim());
  }
  const on = (k: string) => kv.get(k) === '1';
  return {
    http: on('HTTPEnable') ? hostPortUrl(kv.get('HTTPProxy') ?? '', kv.get('HTTPPort') ?? null) : null,
    https: on('HTTPSEnable') ? hostPortUrl(kv.get('HTTPSProxy') ?? '', kv.get('HTTPSPort') ?? null) : null,
    // scutil's "169.254/16" is a CIDR Go's NO_PROXY does not read; Go needs 169.254.0.0/16
    noProxy: exceptions.map(noProxyEntry).filter((e): e is string => e !== null),
    pac: on('ProxyAutoConfigEnable') ? kv.get('ProxyAutoConfigURLString') || null : null,
  };
}

/** One bypass entry in the form Go's NO_PROXY reads: "*.corp" → ".corp", "<local>" dropped, "10/8" widened. */
export function noProxyEntry(entry: string): string | null {
  const e = entry.trim();
  if (!e || e === '<local>' || e === '<-loopback>') return null;
  const octets = (t: string, most: number) => {
    const parts = t.split('.');
    return parts.length <= most && parts.every((p) => /^\d{1,3}$/.test(p)) ? parts : null;
  };
  // "169.254/16" (scutil) → 169.254.0.0/16: Go reads only a full address before the "/"
  const slash = e.indexOf('/');
  const short = slash > 0 && /^\d{1,2}$/.test(e.slice(slash + 1)) ? octets(e.slice(0, slash), 4) : null;
  if (short) {
    while (short.length < 4) short.push('0');
    return `${short.join('.')}/${e.slice(slash + 1)}`;
  }
  // "10.*" / "192.168.*" (WinINET) → a CIDR of the fixed octets
  const wild = e.endsWith('.*') ? octets(e.slice(0, -2), 3) : null;
  if (wild) {
    const bits = wild.length * 8;
    while (wild.length < 4) wild.push('0');
    return `${wild.join('.')}/${bits}`;
  }
  return e.startsWith('*.') ? e.slice(1) : e;
}

/**
 * A WinINET/WinHTTP proxy server list: "host:port" for every scheme, or "http=h:p;https=h:p;socks=h:p".
 */
export function parseWindowsProxyServer(value: string): { http: string | null; https: string | null } {
  const v = value.trim();
  if (!v) return { http: null, https: null };
  if (!v.includes('=')) {
    const url = hostPortUrl(v.split(/[;\s]/)[0]!, null);
    return { http: url, https: url };
  }
  const out: { http: string | null; https: string | null } = { http: null, https: null };
  for (const part of v.split(/[;\s]+/)) {
    const [scheme, server] = part.split('=', 2);
    if (!server) continue;
    const s = scheme!.toLowerCase();
    if (s === 'http') out.http = hostPortUrl(server, null);
    else if (s === 'https') out.https = hostPortUrl(server, null);
  }
  return out;
}

function bypassList(value: string): string[] {
  return value
    .split(/[;,\s]+/)
    .map(noProxyEntry)
    .filter((e): e is string => e !== null);
}

/** `netsh winhttp show proxy`: "Direct access (no proxy server)." or "Proxy Server(s) :  …  Bypass List :  …". */
export function parseNetshWinhttp(text: string): SystemProxySetting {
  let server = '';
  let bypass = '';
  for (const raw of lines(text)) {
    const m = /^\s*(Proxy Server\(s\)|Bypass List)\s*:\s*(.*)$/.exec(raw);
    if (!m) continue;
    if (m[1] === 'Bypass List') bypass = m[2]!.trim() === '(none)' ? '' : m[2]!.trim();
    else server = m[2]!.trim();
  }
  if (!server) return EMPTY;
  return { ...parseWindowsProxyServer(server), noProxy: bypassList(bypass), pac: null };
}

/** The data of `reg query KEY /v NAME`: "    NAME    REG_SZ    data"; null when the value is not set. */
export function parseRegQueryValue(text: string, name: string): string | null {
  for (const raw of lines(text)) {
    const m = /^\s+(\S+)\s+(REG_[A-Z_]+)\s*(.*)$/.exec(raw);
    if (m && m[1]!.toLowerCase() === name.toLowerCase()) return m[3]!.trim();
  }
  return null;
}

/** WinINET (the Windows proxy settings page) from its four registry values. */
export function wininetSetting(values: {
  ProxyEnable: string | null;
  ProxyServer: string | null;
  ProxyOverride: string | null;
  AutoConfigURL: string | null;
}): SystemProxySetting {
  const enabled = values.ProxyEnable !== null && Number(values.ProxyEnable) !== 0;
  const servers = enabled && values.ProxyServer ? parseWindowsProxyServer(values.ProxyServer) : null;
  return {
    http: servers?.http ?? null,
    https: servers?.https ?? null,
    noProxy: enabled ? bypassList(values.ProxyOverride ?? '') : [],
    pac: values.AutoConfigURL || null,
  };
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.startsWith("'") && t.endsWith("'") && t.length >= 2) return t.slice(1, -1).replace(/\\'/g, "'");
  return t;
}

/** `gsettings list-recursively org.gnome.system.proxy`: "schema key value" lines (GVariant text). */
export function parseGsettingsProxy(text: string): SystemProxySetting & { mode: string | null } {
  const v = new Map<string, string>();
  for (const raw of lines(text)) {
    const m = /^(org\.gnome\.system\.proxy(?:\.[a-z]+)?)\s+(\S+)\s+(.*)$/.exec(raw.trim());
    if (m) v.set(`${m[1]!.slice('org.gnome.system.proxy'.length)}/${m[2]}`, m[3]!);
  }
  const mode = v.has('/mode') ? unquote(v.get('/mode')!) : null;
  const server = (sub: string) =>
    mode === 'manual'
      ? hostPortUrl(unquote(v.get(`.${sub}/host`) ?? ''), v.get(`.${sub}/port`) ?? null)
      : null;
  const ignore = [...(v.get('/ignore-hosts') ?? '').matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
  return {
    mode,
    http: server('http'),
    https: server('https'),
    noProxy: mode === 'manual' ? bypassList(ignore.join(',')) : [],
    pac: mode === 'auto' ? unquote(v.get('/autoconfig-url') ?? '') || null : null,
  };
}

/** KDE `kioslaverc` [Proxy Settings]: ProxyType 1 manual, 2 PAC; "httpProxy=http://proxy 8080" (space port). */
export function parseKioslaverc(text: string): SystemProxySetting & { type: number | null } {
  const kv = new Map<string, string>();
  let inSection = false;
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inSection = line === '[Proxy Settings]';
      continue;
    }
    const eq = line.indexOf('=');
    if (inSection && eq > 0) kv.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const type = kv.has('ProxyType') ? Number(kv.get('ProxyType')) : null;
  const server = (key: string) => {
    const raw = kv.get(key) ?? '';
    const m = /^(\S+)\s+(\d+)$/.exec(raw);
    return type === 1 ? (m ? hostPortUrl(m[1]!.replace(/\/$/, ''), m[2]!) : hostPortUrl(raw, null)) : null;
  };
  return {
    type,
    http: server('httpProxy'),
    https: server('httpsProxy'),
    noProxy: type === 1 ? bypassList(kv.get('NoProxyFor') ?? '') : [],
    pac: type === 2 ? kv.get('Proxy Config Script') || null : null,
  };
}
