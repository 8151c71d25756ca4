// The typed vocabulary of `why`: what went wrong (cause) and who asked (requester). Every cause belongs to one
// family; families marked `proxy: false` are network errors that no proxy setting fixes, and get no proxy rule.
import type { Actor } from '../analyze/types.js';

export type CauseFamily =
  | 'proxyconnect' // the proxy was used and could not be reached
  | 'proxy-url' // the proxy URL is malformed (doubled scheme, quotes, no host)
  | 'rootless' // rootless dockerd cannot reach the host's loopback
  | 'pac' // Docker Desktop could not evaluate the PAC file
  | 'direct' // the requester went to the target itself
  | 'timeout' // no answer in time, or the connection was cut
  | 'proxy-auth' // the proxy wants credentials
  | 'proxy-refused' // the proxy answered the CONNECT with an error
  | 'tls-inspection' // a re-signed certificate the requester does not trust
  | 'builder-option' // a builder option the installed tools do not take
  | 'config' // a configuration file or unit that is rejected
  | 'daemon' // dockerd itself is not reachable
  | 'not-proxy'; // a network error no proxy setting fixes

export type CauseId =
  | 'pac-rejected'
  | 'pac-socks-disabled'
  | 'rootless-host-loopback'
  | 'double-scheme'
  | 'proxy-url-empty'
  | 'proxy-url-no-scheme'
  | 'proxy-tls-mismatch'
  | 'proxy-unreachable'
  | 'proxy-auth'
  | 'proxy-refused'
  | 'tls-inspection'
  | 'registry-auth'
  | 'buildkitd-unreachable'
  | 'client-certificate'
  | 'daemon-down'
  | 'driver-opt-env-unsupported'
  | 'host-gateway-unsupported'
  | 'build-arg-flag'
  | 'driver-opt-csv'
  | 'systemd-specifier'
  | 'daemon-json-unknown'
  | 'daemon-flag-conflict'
  | 'socks-unsupported'
  | 'client-config-proxies'
  | 'direct'
  | 'timeout';

export interface CauseInfo {
  family: CauseFamily;
  /** a short heading, also the docs' section title */
  title: string;
  /** the actor when the text names none (errors only one requester can produce) */
  actor?: Actor;
  /** a real error of this kind, verbatim, shown in the docs */
  example: string;
  /** the issue `example` was pasted in (also in test/fixtures/errors/), or the e2e test that reruns the program */
  source: string;
}

export const FAMILY_IS_PROXY: Record<CauseFamily, boolean> = {
  proxyconnect: true,
  'proxy-url': true,
  rootless: true,
  pac: true,
  direct: true,
  timeout: true,
  'proxy-auth': true,
  'proxy-refused': true,
  'tls-inspection': true,
  'builder-option': true,
  config: true,
  daemon: false,
  'not-proxy': false,
};

export const CAUSES: Record<CauseId, CauseInfo> = {
  'pac-rejected': {
    family: 'pac',
    title: 'Docker Desktop could not evaluate the PAC file',
    example:
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": rejecting registry-1.docker.io:443 because traffic from evaluating PAC file: getting PAC interpreter: Get "http://wpad/wpad.dat": dial tcp: lookup wpad: no such host',
    source: 'https://github.com/docker/for-mac/issues/7695',
  },
  'pac-socks-disabled': {
    family: 'pac',
    title: "The PAC file chose a SOCKS proxy that Docker Desktop's settings do not allow",
    example:
      'getting credential helper update: Post "https://hub.docker.com/v2/users/login?refresh_token=true": dialing hub.docker.com:443 request from host routed via automatic system PAC file proxy socks5://127.0.0.1:1086: SOCKS proxy support is not enabled in settings',
    source: 'https://github.com/docker/for-win/issues/12745',
  },
  'rootless-host-loopback': {
    family: 'rootless',
    title: "Rootless dockerd cannot reach the host's loopback",
    example:
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 10.0.2.2:3128: connect: network is unreachable',
    source: 'https://github.com/moby/moby/issues/43630',
  },
  'double-scheme': {
    family: 'proxy-url',
    title: 'The proxy URL has its scheme twice (or quotes around it)',
    example:
      'Error: initializing source docker://bash:latest: pinging container registry registry-1.docker.io: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp: lookup https: no such host',
    source: 'https://github.com/podman-desktop/podman-desktop/issues/4549',
  },
  'proxy-url-empty': {
    family: 'proxy-url',
    title: 'The proxy URL has no host',
    example:
      'docker: Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: dial tcp :0: connect: connection refused.',
    source: 'https://github.com/docker/for-win/issues/7935',
  },
  'proxy-url-no-scheme': {
    family: 'proxy-url',
    title: 'The proxy value has no scheme (http:// is missing)',
    actor: 'run',
    example:
      'Err:5 http://archive.ubuntu.com/ubuntu bionic Release\n  Unsupported proxy configured: proxy.univ-lille.fr://3128',
    source: 'https://github.com/apptainer/singularity/issues/3479',
  },
  'proxy-tls-mismatch': {
    family: 'proxyconnect',
    title: 'TLS spoken to a plain-HTTP proxy (an https:// proxy URL)',
    example:
      'Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: tls: first record does not look like a TLS handshake',
    source: 'https://github.com/docker/for-linux/issues/620',
  },
  'proxy-unreachable': {
    family: 'proxyconnect',
    title: 'The proxy was used and could not be reached',
    example:
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:10809: connect: connection refused',
    source: 'https://github.com/microsoft/WSL/issues/13172',
  },
  'proxy-auth': {
    family: 'proxy-auth',
    title: 'The proxy wants credentials',
    example:
      'Error while pulling image: Get https://index.docker.io/v1/repositories/library/hello-world/images: Proxy Authentication Required',
    source: 'https://github.com/docker/hub-feedback/issues/826',
  },
  'proxy-refused': {
    family: 'proxy-refused',
    title: 'The proxy refused the connection (policy)',
    example: 'Error response from daemon: Get https://registry-1.docker.io/v2/: Forbidden',
    source: 'https://github.com/moby/moby/issues/40507',
  },
  'tls-inspection': {
    family: 'tls-inspection',
    title: 'A TLS-inspecting proxy re-signed the connection',
    example:
      'Error response from daemon: Get https://registry-1.docker.io/v2/: x509: certificate signed by unknown authority',
    source: 'https://github.com/docker-library/hello-world/issues/86',
  },
  'registry-auth': {
    family: 'not-proxy',
    title: 'The registry refused the credentials (not a proxy problem)',
    actor: 'client',
    example: 'error: failed to solve: failed to fetch oauth token: unexpected status: 400 Bad Request',
    source: 'https://github.com/docker/buildx/issues/895',
  },
  'buildkitd-unreachable': {
    family: 'not-proxy',
    title: 'No buildkitd answers on its socket (not a proxy problem)',
    actor: 'builder',
    example:
      'error: listing workers for Build: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial unix /run/user/1000/buildkit/buildkitd.sock: connect: no such file or directory"',
    source: 'https://github.com/moby/buildkit/issues/4710',
  },
  'client-certificate': {
    family: 'not-proxy',
    title: 'The registry wants a client certificate (not a proxy problem)',
    example:
      'Error response from daemon: Get https://docker.mydomain.io/v1/_ping: remote error: tls: handshake failure',
    source: 'https://github.com/moby/moby/issues/33432',
  },
  'daemon-down': {
    family: 'daemon',
    title: 'The docker CLI cannot reach dockerd',
    actor: 'runtime',
    example:
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    source: 'https://github.com/twistlock/RunC-CVE-2019-5736/issues/2',
  },
  'driver-opt-env-unsupported': {
    family: 'builder-option',
    title: 'This buildx cannot pass env.* to that driver',
    actor: 'builder',
    example:
      'ERROR: failed to initialize builder builder-9533dc36-0b24-49df-87d9-79100d58dcf0 (builder-9533dc36-0b24-49df-87d9-79100d58dcf00): invalid driver option env.NO_PROXY for driver kubernetes',
    source: 'https://github.com/docker/buildx/issues/3350',
  },
  'host-gateway-unsupported': {
    family: 'builder-option',
    title: 'This builder cannot turn host-gateway into an address',
    actor: 'builder',
    example: 'ERROR: unable to derive the IP value for host-gateway: failed to parse host-gateway IP: <nil>',
    source: 'https://github.com/docker/cli/issues/4817',
  },
  'build-arg-flag': {
    family: 'builder-option',
    title: 'This build command does not take --build-arg that way',
    actor: 'client',
    example: 'error: invalid opt: invalid value build-arg:IMAGE',
    source: 'https://github.com/moby/buildkit/issues/7028',
  },
  'driver-opt-csv': {
    family: 'builder-option',
    title: 'A comma in --driver-opt split the value',
    actor: 'builder',
    example: 'ERROR: invalid value ".163.com", expecting k=v',
    source: 'https://github.com/docker/buildx/issues/1380',
  },
  'systemd-specifier': {
    family: 'config',
    title: 'A % in a systemd drop-in dropped the proxy line',
    actor: 'runtime',
    example:
      'Nov 20 09:49:26  systemd[1]: /etc/systemd/system/docker.service.d/http-proxy.conf:3: Failed to resolve specifiers, ignoring: https_proxy=http://user:abc%G4g@proxyhost:8080/',
    source: 'https://github.com/docker/for-linux/issues/1149',
  },
  'daemon-json-unknown': {
    family: 'config',
    title: 'This dockerd does not know the proxy keys in daemon.json',
    actor: 'runtime',
    example:
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: http-proxy, https-proxy, no-proxy",
    source: 'test/e2e/daemon-json.e2e.ts',
  },
  'daemon-flag-conflict': {
    family: 'config',
    title: 'A proxy is both a dockerd flag and a daemon.json key',
    actor: 'runtime',
    example:
      'unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives are specified both as a flag and in the configuration file: http-proxy: (from flag: http://127.0.0.1:3128, from file: http://proxy.example.com:3128)',
    source: 'test/e2e/daemon-json.e2e.ts',
  },
  'socks-unsupported': {
    family: 'config',
    title: 'A SOCKS proxy reached a tool that speaks HTTP proxies only',
    actor: 'run',
    example:
      'docker build --network=host   .   //  got unsupported proxy configured: socks5://127.0.0.1:1089.',
    source: 'https://github.com/docker/desktop-linux/issues/60',
  },
  'client-config-proxies': {
    family: 'config',
    title: 'config.json "proxies" needs an object per daemon ("default")',
    actor: 'client',
    // the innermost error of the quote, without the reporter's home directory
    example:
      'json: cannot unmarshal string into Go struct field ConfigFile.proxies of type configfile.ProxyConfig',
    source: 'https://github.com/docker/cli/issues/507',
  },
  direct: {
    family: 'direct',
    title: 'The request went direct, without the proxy',
    example:
      'ERROR: failed to build: failed to solve: DeadlineExceeded: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 104.244.43.136:443: i/o timeout',
    source: 'https://github.com/docker/desktop-feedback/issues/28',
  },
  timeout: {
    family: 'timeout',
    title: 'No answer in time, or the connection was cut',
    example:
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    source: 'https://github.com/DeepVAC/TorchPod/issues/64',
  },
};

/** Order of precedence: the first cause found in this order is the answer; the specific before the generic. */
export const CAUSE_ORDER: readonly CauseId[] = [
  'systemd-specifier',
  'daemon-json-unknown',
  'daemon-flag-conflict',
  'driver-opt-csv',
  'driver-opt-env-unsupported',
  'host-gateway-unsupported',
  'build-arg-flag',
  'socks-unsupported',
  'proxy-url-no-scheme',
  'client-config-proxies',
  'daemon-down',
  'buildkitd-unreachable',
  'pac-rejected',
  'pac-socks-disabled',
  'rootless-host-loopback',
  'double-scheme',
  'proxy-url-empty',
  'proxy-tls-mismatch',
  'proxy-auth',
  'proxy-unreachable',
  'proxy-refused',
  'client-certificate',
  'tls-inspection',
  'registry-auth',
  'direct',
  'timeout',
];
