// `buildproxy why "ERROR TEXT"`: map a build error to the actor that made the request and the rules that
// explain it. Signatures come from real reports (catalogue section K); order matters: specific before generic.
import type { Actor } from './analyze/types.js';

export interface Signature {
  id: string;
  pattern: RegExp;
  /** a real error text of this kind (from the reports in the catalogue), shown in the docs and tested */
  example: string;
  actor: Actor;
  rules: string[];
  explanation: string;
}

export const SIGNATURES: Signature[] = [
  {
    id: 'proxy-tls-to-plain',
    example:
      'Get "https://registry-1.docker.io/v2/": proxyconnect tcp: tls: first record does not look like a TLS handshake',
    pattern:
      /proxyconnect tcp: (tls: first record does not look like a TLS handshake|net\/http: TLS handshake timeout)/,
    actor: 'builder',
    rules: ['https-proxy-scheme'],
    explanation:
      'The proxy URL starts with https://, so Go speaks TLS to a proxy that answers in plain HTTP.',
  },
  {
    id: 'proxy-empty-host',
    example:
      'Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: dial tcp :0: connect: connection refused',
    pattern: /proxyconnect tcp: dial tcp :0/,
    actor: 'builder',
    rules: ['proxy-url-invalid'],
    explanation: 'The proxy URL has no host — usually an unexpanded variable.',
  },
  {
    id: 'proxy-loopback-refused',
    example:
      "wget: can't connect to remote host: proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused",
    pattern:
      /proxyconnect tcp: dial tcp (127\.\d+\.\d+\.\d+|\[::1\]|localhost):\d+: connect: connection refused|host-gateway is not supported by the docker-container driver/,
    actor: 'run',
    rules: ['loopback-proxy-unreachable'],
    explanation:
      'The proxy is on 127.0.0.1, but the request came from another network namespace (a build container or builder container).',
  },
  {
    id: 'proxy-host-dns',
    example: 'proxyconnect tcp: dial tcp: lookup proxy.corp on 127.0.0.11:53: no such host',
    pattern: /proxyconnect tcp: dial tcp: lookup \S+.*no such host|Could not resolve proxy/,
    actor: 'builder',
    rules: ['proxy-url-invalid'],
    explanation:
      'The proxy host name does not resolve where the request was made (builder or container DNS differs from your host).',
  },
  {
    id: 'proxy-auth',
    example:
      'unexpected status from HEAD request to https://registry-1.docker.io/v2/library/alpine/manifests/3: 407 Proxy Authentication Required',
    pattern: /407 Proxy Authentication Required|Proxy Authentication Required/i,
    actor: 'builder',
    rules: ['proxy-url-invalid', 'systemd-percent-escape'],
    explanation:
      'The proxy wants credentials that this actor did not send, or sent mangled (unencoded @ # % or a systemd % specifier).',
  },
  {
    id: 'x509-client',
    example:
      'failed to fetch oauth token: Post "https://auth.docker.io/token": x509: certificate signed by unknown authority',
    pattern: /auth\.docker\.io.*x509: certificate signed by unknown authority/,
    actor: 'client',
    rules: ['tls-inspection-ca'],
    explanation:
      'A TLS-inspecting proxy re-signed the token request; the client machine does not trust the corporate CA.',
  },
  {
    id: 'client-token',
    example:
      'failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 1.2.3.4:443: i/o timeout',
    pattern:
      /failed to (fetch|authorize).*(oauth|anonymous) token|failed to fetch (oauth|anonymous) token|auth\.docker\.io\/token.*(timeout|refused|reset|no such host)/,
    actor: 'client',
    rules: ['client-token-proxy'],
    explanation: 'Registry tokens are fetched by the docker CLI/buildx in your shell, which has no proxy.',
  },
  {
    id: 'x509',
    example:
      'failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3": x509: certificate signed by unknown authority',
    pattern: /x509: certificate signed by unknown authority|tls: failed to verify certificate/,
    actor: 'builder',
    rules: ['tls-inspection-ca'],
    explanation: 'A TLS-inspecting proxy re-signs traffic; the builder does not trust the corporate CA.',
  },
  {
    id: 'curl-ca',
    example: 'curl: (60) SSL certificate problem: self-signed certificate in certificate chain',
    pattern: /curl: \(60\)|SSL certificate problem|CERTIFICATE_VERIFY_FAILED/,
    actor: 'run',
    rules: ['tls-inspection-ca'],
    explanation: 'Inside a RUN step the image does not trust the corporate CA of a TLS-inspecting proxy.',
  },
  {
    id: 'syntax-frontend',
    example:
      'resolve image config for docker-image://docker.io/docker/dockerfile:1: failed to do request: Head "https://registry-1.docker.io/v2/docker/dockerfile/manifests/1": dial tcp 98.85.153.80:443: i/o timeout',
    pattern: /resolve image config for docker-image:\/\/[^\s]*dockerfile/,
    actor: 'builder',
    rules: ['syntax-frontend-pull', 'builder-proxy-missing'],
    explanation:
      'The # syntax= frontend image is pulled by the builder before the Dockerfile is parsed; the builder has no working proxy.',
  },
  {
    id: 'systemd-specifier',
    example:
      'docker.service: Failed to resolve specifiers, ignoring: https_proxy=http://user:abc%G4g@proxyhost:8080/',
    pattern: /Failed to resolve specifiers/,
    actor: 'runtime',
    rules: ['systemd-percent-escape'],
    explanation:
      'A % in a drop-in Environment= line was read as a systemd specifier, and the line was dropped.',
  },
  {
    id: 'driver-opt-csv',
    example: 'ERROR: invalid value ".163.com", expecting k=v',
    pattern: /invalid value "[^"]*", expecting k=v/,
    actor: 'builder',
    rules: ['no-proxy-syntax', 'builder-not-inherited'],
    explanation:
      'buildx reads --driver-opt as CSV: a comma inside env.NO_PROXY=a,b split it. Quote the field: \'"env.NO_PROXY=a,b"\'.',
  },
  {
    id: 'daemon-json-unknown',
    example:
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: http-proxy, https-proxy",
    pattern:
      /the following directives don't match any configuration option: .*(http-proxy|https-proxy|no-proxy)/,
    actor: 'runtime',
    rules: ['daemon-json-unsupported'],
    explanation:
      'This dockerd is older than 23.0 and does not know daemon.json "proxies"; it refuses to start.',
  },
  {
    id: 'daemon-flag-conflict',
    example:
      'the following directives are specified both as a flag and in the configuration file: http-proxy: (from flag: http://a:3128, from file: http://b:3128)',
    pattern: /directives are specified both as a flag and in the configuration file/,
    actor: 'runtime',
    rules: ['daemon-json-flag-conflict'],
    explanation: 'A proxy option is both a dockerd flag and a daemon.json key; dockerd refuses to start.',
  },
  {
    id: 'git-source',
    example:
      "fatal: unable to access 'https://github.com/moby/buildkit.git/': Failed to connect to github.com port 443 after 130 ms",
    pattern: /unable to access '[^']*': Failed to connect to \S+ port 443|failed to fetch remote \S+\.git/,
    actor: 'builder',
    rules: ['git-context-proxy'],
    explanation: 'The git process that fetches git sources did not get the builder proxy (BuildKit < 0.19).',
  },
  {
    id: 'socks-in-run',
    example: 'ERROR: unsupported proxy configured: socks5://127.0.0.1:1089',
    pattern: /unsupported proxy configured: socks5?h?:\/\//,
    actor: 'run',
    rules: ['all-proxy-only'],
    explanation: 'A SOCKS proxy reached a RUN step whose tool (apk) only speaks HTTP proxies.',
  },
  {
    id: 'run-no-network',
    example:
      "E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Could not resolve 'deb.debian.org'",
    pattern:
      /Could not resolve '[^']+'|Temporary failure resolving|wget: bad address|temporary error \(try again later\)|Could not resolve host|Failed to establish a new connection|ERR_SOCKET_TIMEOUT|network is unreachable.*(pip|npm)/i,
    actor: 'run',
    rules: ['run-proxy-missing'],
    explanation:
      'A tool inside a RUN step tried to reach the network itself: RUN steps only get the proxy as build args.',
  },
  {
    id: 'daemon-down',
    example:
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    pattern: /Cannot connect to the Docker daemon|Is the docker daemon running\?/,
    actor: 'runtime',
    rules: ['daemon-unreachable'],
    explanation: 'The docker CLI cannot reach dockerd.',
  },
  {
    id: 'registry-direct',
    example:
      'failed to solve: DeadlineExceeded: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/latest": dial tcp 3.94.224.37:443: i/o timeout',
    pattern:
      /(failed to do request: (Head|Get|Post) "?https?:\/\/[^"\s]+|load metadata for|pull access denied|error pulling image configuration|Error response from daemon: Get "?https?:\/\/).*(i\/o timeout|connection refused|no such host|connection reset by peer|DeadlineExceeded|context deadline exceeded)|lookup registry-1\.docker\.io.*no such host|dial tcp [\d.]+:443: (i\/o timeout|connect: connection refused)/s,
    actor: 'builder',
    rules: ['builder-proxy-missing', 'build-args-only', 'builder-not-inherited'],
    explanation:
      'The builder (dockerd for the docker driver, buildkitd otherwise) connected to the registry directly: it has no proxy.',
  },
];

export interface WhyMatch {
  signature: string;
  actor: Actor;
  rules: string[];
  explanation: string;
  excerpt: string;
}

export function classifyError(text: string): WhyMatch[] {
  const out: WhyMatch[] = [];
  for (const s of SIGNATURES) {
    const m = s.pattern.exec(text);
    if (!m) continue;
    if (out.some((o) => o.rules.join() === s.rules.join())) continue;
    out.push({
      signature: s.id,
      actor: s.actor,
      rules: s.rules,
      explanation: s.explanation,
      excerpt: m[0].slice(0, 160),
    });
  }
  return out;
}
