// `doctor --network`: execute the probe plan (network/probe-plan.ts) against the real network. Every socket has a
// deadline and is destroyed at it; answers are capped; credentials go only to the proxy whose URL carried them.
import type { Socket } from 'node:net';
import { rootCertificates, type TLSSocket, connect as tlsConnect } from 'node:tls';
import type {
  ConnectProbe,
  HostProbe,
  NetworkEvidence,
  NetworkRoute,
  TlsProbe,
} from '../../evidence/network.js';
import { authSchemes, maskAuthHeaders, parseProxyAnswer, productOf } from '../../formats/proxy-answer.js';
import { HOST_NAME, type PlannedRoute, type ProbeHost } from '../../network/probe-plan.js';
import { maskText } from '../../proxy/redact.js';
import { classify, dial, EXCERPT, isIp, readAnswer } from './socket.js';
import { certsDFor, hostStore, issuedBy, peerChain, toPem } from './tls-trust.js';

export interface NetworkProbeOptions {
  /** each proxy probe (dial, CONNECT, handshake) ends by then; default 3000 ms */
  timeoutMs?: number;
  /** each direct probe; default 1500 ms */
  directTimeoutMs?: number;
  /** read the host CA bundle and certs.d under this folder (--root) */
  root?: string;
}

function connectRequest(h: ProbeHost, r: PlannedRoute): string {
  const target = h.host.includes(':') ? `[${h.host}]:${h.port}` : `${h.host}:${h.port}`;
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`, 'User-Agent: buildproxy-doctor'];
  // Go sends Basic from the URL's userinfo (net/http transport.go) — and only to that proxy; so do we.
  if (r.username !== null)
    lines.push(
      `Proxy-Authorization: Basic ${Buffer.from(`${r.username}:${r.password ?? ''}`, 'utf8').toString('base64')}`,
    );
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function clean(text: string): string {
  // control characters out (an answer is printed later), then anything secret-looking masked
  return maskText(maskAuthHeaders(text.slice(0, EXCERPT)).replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '?'));
}

async function handshake(
  socket: Socket,
  h: ProbeHost,
  deadline: number,
  trust: (
    top: import('node:crypto').X509Certificate,
    hostport: string,
  ) => Promise<Pick<TlsProbe, 'hostTrusts' | 'certsDTrusts'>>,
): Promise<TlsProbe> {
  const start = Date.now();
  const res = await new Promise<{ s: TLSSocket | null; result: TlsProbe['result']; error: string | null }>(
    (resolve) => {
      const s = tlsConnect({
        socket,
        servername: isIp(h.host) ? undefined : h.host,
        ca: [...rootCertificates], // Node's bundled public roots, whatever the host or NODE_EXTRA_CA_CERTS add
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      });
      let done = false;
      const finish = (v: { s: TLSSocket | null; result: TlsProbe['result']; error: string | null }) => {
        if (done) return;
        done = true;
        clearTimeout(t);
        if (!v.s) s.destroy();
        resolve(v);
      };
      const t = setTimeout(
        () => finish({ s: null, result: 'timeout', error: 'no handshake before the timeout' }),
        Math.max(1, deadline - Date.now()),
      );
      s.once('secureConnect', () =>
        finish({
          s,
          result: s.authorized ? 'trusted' : 'untrusted',
          error: s.authorized ? null : String(s.authorizationError ?? 'unverified'),
        }),
      );
      s.once('error', (e) => {
        const c = classify(e);
        finish({ s: null, result: c.result === 'reset' ? 'closed' : 'error', error: c.detail });
      });
      s.once('close', () => finish({ s: null, result: 'closed', error: 'closed during the handshake' }));
    },
  );
  const base: TlsProbe = {
    result: res.result,
    error: res.error,
    issuer: null,
    chain: [],
    caPem: null,
    hostTrusts: null,
    certsDTrusts: null,
    ms: 0,
  };
  if (res.s) {
    const { chain, top } = peerChain(res.s);
    res.s.destroy();
    base.chain = chain;
    base.issuer = chain.at(-1)?.issuer ?? null;
    if (res.result === 'untrusted' && top) {
      base.caPem = toPem(top.raw);
      Object.assign(base, await trust(top, h.port === 443 ? h.host : `${h.host}:${h.port}`));
    }
  }
  socket.destroy();
  return { ...base, ms: Date.now() - start };
}

const SKIP = (result: ConnectProbe['result'], detail: string, ms = 0): ConnectProbe => ({
  result,
  status: null,
  schemes: [],
  product: null,
  excerpt: '',
  ms,
  detail,
});

type Trust = Parameters<typeof handshake>[3];

async function probeViaProxy(
  r: PlannedRoute,
  h: ProbeHost,
  timeoutMs: number,
  trust: Trust,
): Promise<HostProbe> {
  const start = Date.now();
  const deadline = start + timeoutMs;
  const base = { host: h.host, port: h.port, actors: [...h.actors] };
  if (!HOST_NAME.test(h.host))
    return { ...base, connect: SKIP('skipped', 'not a host name or IP address'), tls: null };
  const d = await dial(r.dialHost!, r.dialPort!, deadline, r.scheme === 'https');
  if (!('socket' in d)) return { ...base, connect: SKIP(d.result, d.detail, Date.now() - start), tls: null };
  const s = d.socket;
  s.on('error', () => {}); // reported through readAnswer; a late error must not crash the doctor
  s.write(connectRequest(h, r));
  const a = await readAnswer(s, deadline);
  const ms = Date.now() - start;
  const ans = parseProxyAnswer(a.text);
  if (ans.kind !== 'head') {
    s.destroy();
    if (a.timedOut)
      return {
        ...base,
        connect: {
          ...SKIP('timeout', 'no answer to CONNECT before the timeout', ms),
          excerpt: clean(a.text),
        },
        tls: null,
      };
    if (a.text === '')
      return {
        ...base,
        connect: SKIP('closed', 'the proxy closed the connection without an answer', ms),
        tls: null,
      };
    const why = ans.kind === 'not-http' ? ans.why : 'the answer ended before its head was complete';
    return { ...base, connect: { ...SKIP('not-proxy', why, ms), excerpt: clean(a.text) }, tls: null };
  }
  const result: ConnectProbe['result'] =
    ans.status === 200
      ? 'ok'
      : ans.status === 407
        ? 'auth'
        : ans.status === 403
          ? 'forbidden'
          : ans.status >= 502 && ans.status <= 504
            ? 'bad-gateway'
            : 'status';
  const connect: ConnectProbe = {
    result,
    status: ans.status,
    schemes: authSchemes(ans.headers),
    product: productOf(ans.headers, ans.rest),
    excerpt: clean(a.text),
    ms,
  };
  if (result !== 'ok') {
    s.destroy();
    return { ...base, connect, tls: null };
  }
  return { ...base, connect, tls: await handshake(s, h, deadline, trust) };
}

async function probeDirect(h: ProbeHost, timeoutMs: number, trust: Trust): Promise<HostProbe> {
  const start = Date.now();
  const deadline = start + timeoutMs;
  const base = { host: h.host, port: h.port, actors: [...h.actors] };
  const d = await dial(h.host, h.port, deadline, false);
  const ms = Date.now() - start;
  if (!('socket' in d)) return { ...base, connect: SKIP(d.result, d.detail, ms), tls: null };
  d.socket.on('error', () => {});
  const connect: ConnectProbe = { result: 'ok', status: null, schemes: [], product: null, excerpt: '', ms };
  return { ...base, connect, tls: await handshake(d.socket, h, deadline, trust) };
}

async function probeRoute(
  r: PlannedRoute,
  o: Required<Omit<NetworkProbeOptions, 'root'>>,
  trust: Trust,
): Promise<NetworkRoute> {
  const out: NetworkRoute = {
    proxy: r.shown,
    actors: [...r.actors],
    intended: r.intended,
    credentials: r.proxy !== null && r.username !== null,
    dial: null,
    hosts: [],
  };
  if (r.proxy === null) {
    out.hosts = await Promise.all(r.hosts.map((h) => probeDirect(h, o.directTimeoutMs, trust)));
    return out;
  }
  const skipAll = (c: ConnectProbe) =>
    r.hosts.map((h) => ({ host: h.host, port: h.port, actors: [...h.actors], connect: c, tls: null }));
  if (r.dialHost === null || r.dialPort === null) {
    out.dial = {
      result: 'error',
      ms: 0,
      detail: 'the proxy URL cannot be parsed, so there is nothing to dial',
    };
    out.hosts = skipAll(SKIP('skipped', 'the proxy URL cannot be parsed'));
    return out;
  }
  const start = Date.now();
  const d = await dial(r.dialHost, r.dialPort, start + o.timeoutMs, false);
  out.dial =
    'socket' in d
      ? { result: 'ok', ms: Date.now() - start }
      : { result: d.result, ms: Date.now() - start, detail: d.detail };
  if ('socket' in d) d.socket.destroy();
  if (out.dial.result !== 'ok') {
    out.hosts = skipAll(SKIP('skipped', 'the proxy itself could not be reached'));
    return out;
  }
  if (r.scheme !== 'http' && r.scheme !== 'https') {
    out.hosts = skipAll(SKIP('skipped', `a ${r.scheme} proxy is not probed with CONNECT`));
    return out;
  }
  out.hosts = await Promise.all(r.hosts.map((h) => probeViaProxy(r, h, o.timeoutMs, trust)));
  return out;
}

/** Run every route's probes in parallel. Bounded: about twice the timeout at worst, nothing left open. */
export async function probeNetwork(
  routes: PlannedRoute[],
  opts: NetworkProbeOptions = {},
): Promise<NetworkEvidence> {
  const o = { timeoutMs: opts.timeoutMs ?? 3000, directTimeoutMs: opts.directTimeoutMs ?? 1500 };
  const store = hostStore(opts.root);
  const trust: Trust = async (top, hostport) => {
    const host = store();
    const certsD = await certsDFor(opts.root, hostport);
    return { hostTrusts: host ? issuedBy(top, host) : null, certsDTrusts: issuedBy(top, certsD) };
  };
  return { ...o, routes: await Promise.all(routes.map((r) => probeRoute(r, o, trust))) };
}
