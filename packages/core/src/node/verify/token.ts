// The client step of verify: a registry token request as the docker CLI would make it — the proxy chosen from
// the environment with Go's rules (HTTPS_PROXY, NO_PROXY…), CONNECT for https, Basic credentials from the proxy
// URL — bounded by one deadline. Failures are worded as Go words them, so the why reader reads them as it reads
// the CLI's own errors ("proxyconnect tcp: dial tcp …: connect: connection refused").
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { goConfigFromEnv, goProxyForUrl } from '../../proxy/no-proxy-go.js';
import { redactAll } from '../../proxy/redact.js';

export interface TokenResult {
  ok: boolean;
  /** ok: what answered; failed: the Go-worded error */
  detail: string;
  /** the proxy used (credentials masked), or null for direct */
  via: string | null;
  timedOut: boolean;
}

const MAX_BODY = 256 * 1024;

// The host's trust store as Go reads it on Linux, plus Node's bundled roots: a TLS-inspecting proxy whose CA the
// host trusts must not fail here when docker would succeed.
const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
let roots: string[] | null = null;
function trustedRoots(): string[] {
  if (roots) return roots;
  roots = [...tls.rootCertificates];
  for (const p of SYSTEM_BUNDLES) {
    try {
      const text = readFileSync(p, 'utf8');
      if (text.length < 8 * 1024 * 1024) roots.push(text);
      break;
    } catch {
      // next
    }
  }
  return roots;
}

class StepError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

function errnoText(e: NodeJS.ErrnoException, addr: string): string {
  if (e.code === 'ECONNREFUSED') return `dial tcp ${addr}: connect: connection refused`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return `dial tcp: lookup ${addr.replace(/:\d+$/, '')}: no such host`;
  if (e.code === 'ECONNRESET') return `read tcp ${addr}: read: connection reset by peer`;
  if (e.code === 'EHOSTUNREACH') return `dial tcp ${addr}: connect: no route to host`;
  if (e.code === 'ENETUNREACH') return `dial tcp ${addr}: connect: network is unreachable`;
  if (e.code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `tls: failed to verify certificate: x509: ${e.message}`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(e.code ?? ''))
    return `tls: failed to verify certificate: x509: certificate signed by unknown authority (${e.message})`;
  return e.message;
}

interface Target {
  url: URL;
  proxy: URL | null;
}

/** A socket to the origin of `t` (through the proxy's CONNECT for https), or an Error worded like Go's. */
function tunnel(t: Target, signal: AbortSignal, opened: Socket[]): Promise<Socket | null> {
  const { url, proxy } = t;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (!proxy || url.protocol !== 'https:') return Promise.resolve(null);
  const paddr = `${proxy.hostname}:${proxy.port || '80'}`;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxy.port || 80,
      method: 'CONNECT',
      path: `${url.hostname}:${port}`,
      headers: { Host: `${url.hostname}:${port}`, ...proxyAuth(proxy) },
      signal,
      agent: false,
    });
    req.on('connect', (res, socket) => {
      opened.push(socket);
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      // Go's words: the status text of the CONNECT answer alone ("Forbidden"); the code follows for a person.
      const text = res.statusMessage || 'unknown status code';
      reject(
        new StepError(`${text} (the proxy answered ${res.statusCode} to CONNECT ${url.hostname}:${port})`),
      );
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      reject(new StepError(`proxyconnect tcp: ${errnoText(e, paddr)}`, e.name === 'AbortError')),
    );
    req.end();
  });
}

function proxyAuth(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return { 'Proxy-Authorization': `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function get(t: Target, signal: AbortSignal, opened: Socket[]): Promise<Answer> {
  const sock = await tunnel(t, signal, opened);
  const { url, proxy } = t;
  const https = url.protocol === 'https:';
  const direct = !proxy || https;
  const addr = `${url.hostname}:${url.port || (https ? '443' : '80')}`;
  return new Promise((resolve, reject) => {
    const opts: http.RequestOptions & tls.ConnectionOptions = {
      method: 'GET',
      host: direct ? url.hostname.replace(/^\[|\]$/g, '') : proxy!.hostname,
      port: Number(direct ? url.port || (https ? 443 : 80) : proxy!.port || 80),
      path: direct ? `${url.pathname}${url.search}` : url.href,
      // Host names the origin, also in a request to the proxy (absolute-form): as Go sends it
      headers: { Host: url.host, 'User-Agent': 'buildproxy-verify', ...(direct ? {} : proxyAuth(proxy!)) },
      signal,
      // no agent: Node then opens the connection with createConnection (TLS, through the tunnel when there is one)
      ...(https ? {} : { agent: false }),
    };
    if (https)
      opts.createConnection = () => {
        const c = tls.connect({
          socket: sock ?? undefined,
          host: url.hostname,
          port: Number(opts.port),
          servername: url.hostname,
          ca: trustedRoots(),
        });
        opened.push(c);
        return c;
      };
    const req = http.request(opts, (res) => {
      if (res.socket) opened.push(res.socket);
      let body = '';
      res.on('data', (d: Buffer) => {
        if (body.length < MAX_BODY) body += d.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      const where = direct ? addr : `${proxy!.hostname}:${proxy!.port || '80'}`;
      const text = errnoText(e, where);
      reject(new StepError(!direct && !https ? `proxyconnect tcp: ${text}` : text, e.name === 'AbortError'));
    });
    req.end();
  });
}

/** WWW-Authenticate: Bearer realm="…",service="…" → its parameters. */
function bearer(header: string | undefined): Record<string, string> | null {
  if (!header || !/^bearer\s/i.test(header)) return null;
  const out: Record<string, string> = {};
  for (const m of header.slice(7).matchAll(/([a-z]+)="([^"]*)"/gi)) out[m[1]!.toLowerCase()] = m[2]!;
  return out.realm ? out : null;
}

function target(raw: string, env: NodeJS.ProcessEnv): Target {
  const d = goProxyForUrl(goConfigFromEnv(env), raw);
  let proxy: URL | null = null;
  if (d.proxy !== null) {
    try {
      proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(d.proxy) ? d.proxy : `http://${d.proxy}`);
    } catch {
      throw new StepError(`proxyconnect: invalid proxy URL ${redactAll(d.proxy)}`);
    }
  }
  return { url: new URL(raw), proxy };
}

/** GET REGISTRY/v2/; on a 401 with a Bearer challenge, GET the token for `repository` (pull scope). */
export async function tokenRequest(
  registry: string,
  repository: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<TokenResult> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  let via: string | null = null;
  let current = registry;
  // every socket this request opened is closed at the end, whatever happened: nothing keeps the process alive
  const opened: Socket[] = [];
  try {
    const first = target(registry, env);
    via = first.proxy ? redactAll(first.proxy.href.replace(/\/$/, '')) : null;
    const a = await get(first, ac.signal, opened);
    if (a.status === 200)
      return { ok: true, detail: `${registry} answered 200 (no token needed)`, via, timedOut: false };
    const b = a.status === 401 ? bearer(a.headers['www-authenticate']) : null;
    if (!b)
      return fail(
        `GET "${registry}": unexpected status ${a.status}${a.status === 407 ? ' Proxy Authentication Required' : ''}`,
        via,
      );
    const realm = new URL(b.realm!);
    if (b.service) realm.searchParams.set('service', b.service);
    realm.searchParams.set('scope', `repository:${repository}:pull`);
    current = `${realm.origin}${realm.pathname}`;
    const tt = target(realm.href, env);
    const t = await get(tt, ac.signal, opened);
    if (t.status !== 200)
      return fail(
        `GET "${realm.origin}${realm.pathname}": unexpected status ${t.status}${t.status === 407 ? ' Proxy Authentication Required' : ''}`,
        via,
      );
    let token = false;
    try {
      const j = JSON.parse(t.body) as { token?: unknown; access_token?: unknown };
      token = typeof j.token === 'string' || typeof j.access_token === 'string';
    } catch {
      token = false;
    }
    if (!token) return fail(`GET "${realm.origin}${realm.pathname}": 200 but no token in the answer`, via);
    return {
      ok: true,
      detail: `token from ${realm.origin}${realm.pathname} for ${repository}`,
      via,
      timedOut: false,
    };
  } catch (e) {
    const timedOut = ac.signal.aborted || (e instanceof StepError && e.timedOut);
    const msg = timedOut
      ? `Get "${current}": net/http: request canceled (Client.Timeout exceeded while awaiting headers)`
      : `Get "${current}": ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, detail: redactAll(msg), via, timedOut };
  } finally {
    clearTimeout(timer);
    for (const s of opened) s.destroy();
  }
}

function fail(detail: string, via: string | null): TokenResult {
  return { ok: false, detail: redactAll(detail), via, timedOut: false };
}
