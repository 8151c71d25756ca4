// Detectors for causes where a proxy was involved: the innermost fragment decides.
import type { Actor } from '../analyze/types.js';
import { type DialAddress, dialAddressAt, isWebPort, splitHostPort } from './address.js';
import { allOf, lastOf, near } from './find.js';
import { AUTH_PHRASES, REFUSED_PHRASES, reasonPhrase } from './reason.js';
import { lastAt, positions, tokenAt, window } from './text.js';
import type { CauseId } from './vocabulary.js';

export interface CauseHit {
  cause: CauseId;
  at: number;
  end: number;
  address?: DialAddress;
  /** the message is a tool's own (apt, curl, pip…): it names the requester itself */
  tool?: Actor;
}

const PROXYCONNECT = 'proxyconnect tcp: ';

export function pacRejected(lower: string): CauseHit | null {
  const f = lastOf(lower, ['because traffic from evaluating pac file', 'evaluating pac file']);
  return f ? { cause: 'pac-rejected', at: f.at, end: f.end } : null;
}

/** Docker Desktop followed the system PAC file to a SOCKS proxy, which it uses only when SOCKS is enabled. */
export function pacSocksDisabled(lower: string): CauseHit | null {
  const f = lastOf(lower, ['socks proxy support is not enabled in settings']);
  if (!f) return null;
  const via = lastAt(lower, 'routed via automatic system pac file', f.at);
  return { cause: 'pac-socks-disabled', at: via >= 0 && f.at - via < 300 ? via : f.at, end: f.end };
}

// 10.0.2.2 is the host as slirp4netns (rootless docker, podman, nerdctl) shows it, and what rootless podman's
// host.containers.internal resolves to; with host loopback disabled (the default) it is unreachable. Go dials it
// ("dial tcp 10.0.2.2:3128: connect: network is unreachable"); busybox wget names it ("can't connect to remote
// host (10.0.2.2): Network is unreachable"); curl says "Network is unreachable", or "Network unreachable" in its
// verbose lines (containers/podman#10110).
const SLIRP_HOSTS = ['10.0.2.2', 'host.containers.internal'];
const UNREACHABLE = ['network is unreachable', 'network unreachable'];

export function rootlessLoopback(lower: string): CauseHit | null {
  let best: CauseHit | null = null;
  for (const host of SLIRP_HOSTS)
    for (const at of positions(lower, host).reverse()) {
      if (best && at < best.at) break;
      const before = lower[at - 1] ?? ' ';
      const after = lower[at + host.length] ?? ' ';
      if (/[0-9a-z.-]/.test(before) || /[0-9a-z-]/.test(after)) continue; // 110.0.2.2, 10.0.2.20
      const goDial = window(lower, Math.max(0, at - 9), at) === 'dial tcp ';
      // A refusal at 10.0.2.2 is rootless only from Go's own dial; from a tool it may be any NAT host.
      const failures = goDial ? [...UNREACHABLE, 'connection refused'] : UNREACHABLE;
      if (!near(lower, at, 80, failures)) continue;
      best = {
        cause: 'rootless-host-loopback',
        at: goDial ? at - 9 : at,
        end: at + host.length,
        address: goDial ? (dialAddressAt(lower, at) ?? undefined) : undefined,
        // Only Go writes "dial tcp"; the other messages are a tool's inside a container (wget, curl).
        tool: goDial ? undefined : 'run',
      };
      break;
    }
  return best;
}

const DOUBLED = [
  'http://http://',
  'http://https://',
  'https://https://',
  'https://http://',
  'http://socks5://',
  'http://socks5h://',
  'https://https//',
  'http://http//',
  '://%e2%80%9',
];
const SCHEME_HOSTS = ['http', 'https', 'socks5', 'socks5h', '”http', '“http', '”https', '“https'];

export function doubleScheme(lower: string): CauseHit | null {
  const f = lastOf(lower, DOUBLED);
  if (f) return { cause: 'double-scheme', at: f.at, end: f.end };
  // Go dialled a host named "http": the scheme was written twice and the second one became the host.
  for (const at of positions(lower, 'lookup ').reverse()) {
    const host = tokenAt(lower, at + 7).replace(/:$/, '');
    if (SCHEME_HOSTS.includes(host)) return { cause: 'double-scheme', at, end: at + 7 + host.length };
  }
  return null;
}

export function proxyUrlEmpty(lower: string): CauseHit | null {
  const f = lastOf(lower, [`${PROXYCONNECT}dial tcp :0`, `${PROXYCONNECT}dial tcp: missing address`]);
  return f ? { cause: 'proxy-url-empty', at: f.at, end: f.end } : null;
}

export function proxyTlsMismatch(lower: string): CauseHit | null {
  const f = lastOf(lower, [
    `${PROXYCONNECT}tls: first record does not look like a tls handshake`,
    `${PROXYCONNECT}net/http: tls handshake timeout`,
    `${PROXYCONNECT}tls:`,
  ]);
  return f ? { cause: 'proxy-tls-mismatch', at: f.at, end: f.end } : null;
}

export function proxyAuth(lower: string): CauseHit | null {
  const f = lastOf(lower, [
    '407 proxy authentication required',
    'http code 407',
    'response 407',
    'proxyauthenticationrequired',
    'proxy authentication required',
    // dockerd 20.10 pulling through squid with Basic auth and no credentials (seen in test/e2e/network.e2e.ts):
    // "error parsing HTTP 407 response body: invalid character '<' looking for beginning of value: "<!DOCTYPE html…"
    'http 407 response body',
    'authenticationrequired',
  ]);
  const r = reasonPhrase(lower, AUTH_PHRASES);
  const best = r && (!f || r.at >= f.at) ? { at: r.at, end: r.end } : f;
  return best ? { cause: 'proxy-auth', at: best.at, end: best.end } : null;
}

/** Tool messages that name the host:port they could not connect to; a non-web port is a proxy. */
function toolConnectFailures(lower: string): { at: number; end: number; address: DialAddress }[] {
  const out: { at: number; end: number; address: DialAddress }[] = [];
  // curl / git: "Failed to connect to 192.168.1.1 port 8083"
  for (const f of allOf(lower, ['failed to connect to '])) {
    const host = tokenAt(lower, f.end);
    const rest = window(lower, f.end + host.length, f.end + host.length + 6);
    if (rest !== ' port ') continue;
    const port = tokenAt(lower, f.end + host.length + 6).replace(/[^0-9]/g, '');
    out.push({
      at: f.at,
      end: f.end + host.length + 6 + port.length,
      address: splitHostPort(`${host}:${port}`),
    });
  }
  // apt: "Unable to connect to 172.17.0.1:3142:" / "Could not connect to archive.ubuntu.com:80 (…)"
  for (const f of allOf(lower, ['unable to connect to ', 'could not connect to '])) {
    const t = tokenAt(lower, f.end).replace(/:$/, '');
    if (!t.includes(':') || t.startsWith('unix')) continue;
    out.push({ at: f.at, end: f.end + t.length, address: splitHostPort(t) });
  }
  return out;
}

export function proxyUnreachable(lower: string): CauseHit | null {
  let best: CauseHit | null = null;
  for (const at of positions(lower, PROXYCONNECT)) {
    const after = at + PROXYCONNECT.length;
    const address = lower.startsWith('dial tcp ', after) ? dialAddressAt(lower, after + 9) : null;
    best = { cause: 'proxy-unreachable', at, end: after, address: address ?? undefined };
  }
  // Docker Desktop's own proxy: "writing response to registry-1.docker.io:443: connecting to 127.0.0.1:1081: …"
  const desk = lastOf(lower, ['error connecting to proxy', 'could not resolve proxy', ': connecting to ']);
  if (desk && (!best || desk.at > best.at)) {
    const t = desk.needle === ': connecting to ' ? tokenAt(lower, desk.end).replace(/:$/, '') : '';
    best = {
      cause: 'proxy-unreachable',
      at: desk.at,
      end: desk.end,
      address: t ? splitHostPort(t) : undefined,
    };
  }
  for (const f of toolConnectFailures(lower)) {
    if (isWebPort(f.address.port)) continue;
    if (!best || f.at > best.at) best = { cause: 'proxy-unreachable', ...f, tool: 'run' };
  }
  return best;
}

export function proxyRefused(lower: string): CauseHit | null {
  const f = lastOf(lower, [
    'from proxy after connect',
    'connect tunnel failed',
    'proxy connect aborted',
    'tunnel connection failed',
    'server returned error: http/1.1 403',
    'server returned error: http/1.0 403',
  ]);
  const r = reasonPhrase(lower, REFUSED_PHRASES);
  const best = r && (!f || r.at >= f.at) ? { at: r.at, end: r.end } : f;
  return best ? { cause: 'proxy-refused', at: best.at, end: best.end } : null;
}

export function tlsInspection(lower: string): CauseHit | null {
  const f = lastOf(lower, [
    'x509: certificate signed by unknown authority',
    'x509: certificate is not trusted',
    'self_signed_cert_in_chain',
    'self signed certificate in certificate chain',
    'self-signed certificate in certificate chain',
    'certificate_verify_failed',
    'ssl certificate problem',
    'unable to get local issuer certificate',
    'unable to locally verify the issuer',
  ]);
  if (!f) return null;
  // Only Go says "x509:"; the other phrases are curl's, npm's, pip's: tools inside a RUN step.
  return {
    cause: 'tls-inspection',
    at: f.at,
    end: f.end,
    tool: f.needle.startsWith('x509') ? undefined : 'run',
  };
}

export { toolConnectFailures };
