// Detectors for requests that went direct, timed out, were never a proxy matter, or hit a rejected setting.
import { dialAddressAt, isWebPort } from './address.js';
import type { CauseHit } from './causes-proxy.js';
import { toolConnectFailures } from './causes-proxy.js';
import { lastOf } from './find.js';
import { has, lastAt, positions, tokenAt, window } from './text.js';
import type { CauseId } from './vocabulary.js';

function simple(cause: CauseId, lower: string, needles: readonly string[]): CauseHit | null {
  const f = lastOf(lower, needles);
  return f ? { cause, at: f.at, end: f.end } : null;
}

/** "dial tcp <addr>: <failure>" or "dial tcp: lookup <host>" that is not the proxy's own dial. */
function goDirect(lower: string): CauseHit | null {
  let best: CauseHit | null = null;
  for (const at of positions(lower, 'dial tcp ', 256)) {
    if (window(lower, Math.max(0, at - 18), at) === 'proxyconnect tcp: ') continue;
    const address = dialAddressAt(lower, at + 9);
    if (!address) continue;
    best = { cause: 'direct', at, end: at + 9 + address.text.length, address };
  }
  for (const at of positions(lower, 'dial tcp: ', 256)) {
    if (window(lower, Math.max(0, at - 18), at) === 'proxyconnect tcp: ') continue;
    if (!lower.startsWith('lookup ', at + 10) && !lower.startsWith('i/o timeout', at + 10)) continue;
    if (!best || at > best.at) best = { cause: 'direct', at, end: at + 10 + tokenAt(lower, at + 10).length };
  }
  // "read tcp 192.168.1.40:65061->44.208.254.194:443: read: connection reset by peer"
  for (const at of positions(lower, 'read tcp ', 64)) {
    const t = window(lower, at + 9, at + 9 + 100).split(' ', 1)[0]!;
    if (t.includes('->') && (!best || at > best.at)) best = { cause: 'direct', at, end: at + 9 + t.length };
  }
  return best;
}

const TOOL_DIRECT = [
  "could not resolve '", // apt
  'temporary failure resolving', // apt
  'could not resolve host', // curl, git
  'dns lookup error', // apk
  'temporary error (try again later)', // apk (musl resolver)
  'network error (check internet connection', // apk 3.12+
  "can't connect to remote host", // busybox wget
  'wget: bad address',
  'connecttimeouterror', // pip
  'failed to establish a new connection', // pip
  'getaddrinfo enotfound', // npm
  'getaddrinfo eai_again', // npm
  'err_socket_timeout', // npm
];

function toolDirect(lower: string): CauseHit | null {
  const f = lastOf(lower, TOOL_DIRECT);
  let best: CauseHit | null = f ? { cause: 'direct', at: f.at, end: f.end, tool: 'run' } : null;
  for (const c of toolConnectFailures(lower)) {
    if (!isWebPort(c.address.port)) continue;
    if (!best || c.at > best.at) best = { cause: 'direct', ...c, tool: 'run' };
  }
  return best;
}

export function direct(lower: string): CauseHit | null {
  const go = goDirect(lower);
  const tool = toolDirect(lower);
  if (go && tool) return tool.at > go.at ? tool : go;
  return go ?? tool;
}

export function timeout(lower: string): CauseHit | null {
  const f = lastOf(lower, [
    'client.timeout exceeded',
    'tls handshake timeout',
    'context deadline exceeded',
    'unexpected eof',
    'eof occurred in violation of protocol',
    'i/o timeout',
    'connection reset by peer',
    'deadlineexceeded',
  ]);
  if (f)
    return {
      cause: 'timeout',
      at: f.at,
      end: f.end,
      tool: f.needle.startsWith('eof occurred') ? 'run' : undefined,
    };
  // A bare ": EOF" ends the chain (Go's io.EOF: the other side closed the connection).
  for (const at of positions(lower, ': eof').reverse()) {
    const after = lower[at + 5];
    if (after === undefined || ' ."'.includes(after)) return { cause: 'timeout', at: at + 2, end: at + 5 };
  }
  return null;
}

export function registryAuth(lower: string): CauseHit | null {
  const f = lastOf(lower, [
    'authorization server did not include a token',
    'unauthorized: authentication required',
    'unauthorized: incorrect username or password',
    'pull access denied',
  ]);
  if (f) return { cause: 'registry-auth', at: f.at, end: f.end };
  // A token endpoint that answered 400/401/403: credentials (or a missing client certificate), not the proxy.
  for (const status of ['401 unauthorized', '400 bad request', '403 forbidden']) {
    const at = lastAt(lower, status);
    if (at < 0) continue;
    const before = window(lower, Math.max(0, at - 400), at);
    if (has(before, 'unexpected status') && has(before, 'token'))
      return { cause: 'registry-auth', at, end: at + status.length };
  }
  return null;
}

export function buildkitdUnreachable(lower: string): CauseHit | null {
  const f = lastOf(lower, ['no buildkit host is available', 'buildkitd.sock']);
  if (!f) return null;
  if (f.needle === 'buildkitd.sock') {
    const around = window(lower, Math.max(0, f.at - 200), f.end + 80);
    if (
      ![
        'no such file',
        'connection refused',
        'failed to ping',
        'could not connect',
        'permission denied',
      ].some((n) => has(around, n))
    )
      return null;
  }
  return { cause: 'buildkitd-unreachable', at: f.at, end: f.end };
}

export const clientCertificate = (lower: string) =>
  simple('client-certificate', lower, [
    'tls: certificate required',
    'remote error: tls: bad certificate',
    'remote error: tls: handshake failure',
  ]);
export const daemonDown = (lower: string) =>
  simple('daemon-down', lower, ['cannot connect to the docker daemon', 'is the docker daemon running?']);
export const driverOptEnv = (lower: string) =>
  simple('driver-opt-env-unsupported', lower, ['invalid driver option env.']);
// --add-host=NAME:host-gateway needs the builder to know the host's gateway address. buildx's docker-container and
// kubernetes drivers never do ("host-gateway is not supported by the … driver", docker/buildx build/utils.go); some
// releases fail on it: BuildKit 0.10 behind Docker 23.0 (docker/buildx#1832), Docker 25.0.0 (docker/cli#4817),
// buildx before host-gateway support (moby/moby#44525), podman build (containers/podman#26034).
const HOST_GATEWAY = [
  'host-gateway is not supported by the',
  'unable to derive the ip value for host-gateway',
  'failed to parse ip host-gateway',
  'invalid ip address in add-host: "host-gateway"',
];
export function hostGateway(lower: string): CauseHit | null {
  const f = lastOf(lower, HOST_GATEWAY);
  if (f) return { cause: 'host-gateway-unsupported', at: f.at, end: f.end };
  // buildx's own check: "invalid host host.docker.internal:host-gateway"
  const at = lastAt(lower, 'invalid host ');
  if (at < 0) return null;
  const host = tokenAt(lower, at + 13);
  return host.endsWith(':host-gateway')
    ? { cause: 'host-gateway-unsupported', at, end: at + 13 + host.length }
    : null;
}
export const buildArgFlag = (lower: string) =>
  simple('build-arg-flag', lower, [
    'flag provided but not defined: -build-arg',
    'flag provided but not defined: --build-arg',
    'unknown flag: --build-arg',
    'invalid value build-arg:',
  ]);
export const systemdSpecifier = (lower: string) =>
  simple('systemd-specifier', lower, ['failed to resolve specifiers']);
// dockerd lists the directives it rejects on the same line; only a proxy directive makes it this tool's matter
// ("… don't match any configuration option: data-root" is not: moby/moby#34104, canonical/microk8s#36).
// dockerd 23+ flattens "proxies" and rejects the keys it does not know: config.json's spelling (httpProxy, …) copied
// into daemon.json is the usual mistake (dockerd 26.1.5: "… don't match any configuration option: noProxy,
// httpProxy, httpsProxy", recorded in test/e2e/daemon-json.e2e.ts).
const PROXY_DIRECTIVES = [
  'proxies',
  'http-proxy',
  'https-proxy',
  'no-proxy',
  'httpproxy',
  'httpsproxy',
  'noproxy',
];

/** The names dockerd lists after its message: ": a, b" or ": a: (from flag: x, from file: y), b: (…)". */
function listedDirectives(lower: string, from: number): string[] {
  let rest = window(lower, from, from + 400);
  const names: string[] = [];
  for (let i = 0; i < 16; i++) {
    const m = /^(?:: |, )([a-z0-9.-]{1,64})(?:: \([^)]{0,200}\))?/.exec(rest);
    if (!m) break;
    names.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return names;
}

function proxyDirective(cause: CauseId, lower: string, needle: string): CauseHit | null {
  const f = lastOf(lower, [needle]);
  if (!f) return null;
  const named = listedDirectives(lower, f.end).some((d) => PROXY_DIRECTIVES.includes(d));
  return named ? { cause, at: f.at, end: f.end } : null;
}
export const daemonJsonUnknown = (lower: string) =>
  proxyDirective(
    'daemon-json-unknown',
    lower,
    "the following directives don't match any configuration option",
  );
export const daemonFlagConflict = (lower: string) =>
  proxyDirective('daemon-flag-conflict', lower, 'specified both as a flag and in the configuration file');
export const socksUnsupported = (lower: string) =>
  simple('socks-unsupported', lower, ['unsupported proxy configured: socks']);

/**
 * apt prints the proxy it was given as SCHEME://HOST; a value without a scheme ("127.0.0.1:3128") comes out as
 * "127.0.0.1://3128" — the host where the scheme should be and the port as the host (getsentry/self-hosted#3495,
 * apptainer/singularity#3479).
 */
const APT_SCHEMES = ['http', 'https', 'socks5h', 'socks5', 'socks4', 'socks4a', 'socks', 'ftp', 'file'];
export function proxyNoScheme(lower: string): CauseHit | null {
  for (const at of positions(lower, 'unsupported proxy configured: ', 16).reverse()) {
    const value = tokenAt(lower, at + 30);
    const sep = value.indexOf('://');
    if (sep <= 0) continue;
    const scheme = value.slice(0, sep);
    const rest = value.slice(sep + 3).replace(/[/.]+$/, '');
    if (APT_SCHEMES.includes(scheme) || !/^[0-9]{1,5}$/.test(rest)) continue;
    return { cause: 'proxy-url-no-scheme', at, end: at + 30 + value.length, tool: 'run' };
  }
  return null;
}

/** The CLI reads config.json's "proxies" as objects keyed by daemon ("default": {"httpProxy": …}). */
export const clientConfigProxies = (lower: string) =>
  simple('client-config-proxies', lower, ['struct field configfile.proxies of type']);

export function driverOptCsv(lower: string): CauseHit | null {
  const at = lastAt(lower, '", expecting k=v');
  if (at < 0) return null;
  const start = lastAt(lower, 'invalid value "', at);
  return start >= 0 && at - start < 300 ? { cause: 'driver-opt-csv', at: start, end: at + 16 } : null;
}
