// What a reading says and which rules it points to, per cause and requester. A cause of the not-proxy family
// never points to a proxy rule.
import type { Actor } from '../analyze/types.js';
import type { DialAddress } from './address.js';
import type { RequesterFacts } from './requester-label.js';
import type { CauseId } from './vocabulary.js';

export interface Explained {
  explanation: string;
  rules: string[];
}

interface Ctx {
  actor: Actor | null;
  who: RequesterFacts | null;
  address?: DialAddress;
  syntaxFrontend: boolean;
  gitSource: boolean;
}

/** The rules that explain a request that went without the proxy, per requester. */
function missingProxyRules(c: Ctx): string[] {
  switch (c.actor) {
    case 'client':
      return ['client-token-proxy'];
    case 'builder': {
      if (c.gitSource) return ['git-context-proxy'];
      const r = ['builder-proxy-missing', 'builder-not-inherited'];
      return c.syntaxFrontend ? ['syntax-frontend-pull', ...r] : r;
    }
    case 'runtime':
      return ['builder-proxy-missing'];
    case 'run':
      return ['run-proxy-missing'];
    default:
      return [];
  }
}

function who(c: Ctx): string {
  return c.who?.label ?? 'the requester';
}

function unreachable(c: Ctx): Explained {
  const a = c.address;
  const where = a ? ` at ${a.text}` : '';
  if (a?.loopback) {
    if (c.who?.ownNetns === false)
      return {
        explanation: `${who(c)} used the proxy${where} on this host's loopback and nothing answered: the proxy is not running (or listens on another port).`,
        rules: [],
      };
    return {
      explanation:
        `${who(c)} used the proxy${where}, but 127.0.0.1 is its own loopback` +
        (c.who?.ownNetns
          ? ' (it runs in its own network namespace)'
          : ' when it runs in a container, a VM or rootless') +
        ', not the host the proxy listens on. If it runs on this host, the proxy is down.',
      rules: ['loopback-proxy-unreachable'],
    };
  }
  const dns = a === undefined;
  return {
    explanation: `${who(c)} used the proxy${where} and could not reach it (refused, timed out, no route${dns ? ', or its name does not resolve there' : ''}). The proxy is set; it is down, or this address is wrong where ${who(c)} runs.`,
    rules: ['proxy-url-invalid'],
  };
}

export function explain(cause: CauseId, c: Ctx): Explained {
  switch (cause) {
    case 'pac-rejected':
      return {
        explanation:
          'Docker Desktop evaluates the system PAC file for this request and could not fetch or run it, so it refused the request. Make the PAC URL reachable or set the proxy manually in Docker Desktop (Settings → Resources → Proxies).',
        rules: [],
      };
    case 'pac-socks-disabled':
      return {
        explanation:
          'Docker Desktop routes this request by the system PAC file, and the PAC file answered a SOCKS proxy; Desktop uses SOCKS proxies only when SOCKS support is enabled in its settings, so the request failed. Enable SOCKS in Docker Desktop (Settings → Resources → Proxies), or make the PAC file return an HTTP proxy (PROXY host:port) for Docker hosts.',
        rules: [],
      };
    case 'rootless-host-loopback':
      return {
        explanation:
          (c.address?.loopback
            ? `${who(c)} dialled the proxy at ${c.address.text}: in rootless mode that is RootlessKit's own loopback, not this host's. `
            : '') +
          "Rootless dockerd reaches the host's loopback as 10.0.2.2 only when RootlessKit allows it (DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false), and the proxy must listen there; otherwise use the proxy's LAN address. Rootless podman containers need --network slirp4netns:allow_host_loopback=true for the same address.",
        rules: ['loopback-proxy-unreachable'],
      };
    case 'double-scheme':
      return {
        explanation:
          'The proxy URL has its scheme twice (http://http://…), or quotes inside the value: Go took "http" (or the quote) as the proxy host. Write one scheme and no quotes.',
        rules: ['proxy-url-invalid'],
      };
    case 'proxy-url-empty':
      return {
        explanation: 'The proxy URL has no host — usually an unexpanded variable.',
        rules: ['proxy-url-invalid'],
      };
    case 'proxy-url-no-scheme':
      return {
        explanation:
          'The proxy value has no scheme (host:port alone): apt reads the host as the scheme and the port as the host, and refuses it ("127.0.0.1://3128"). Write http:// before host:port in HTTP_PROXY, or in Acquire::http::Proxy (quoted, in apt.conf).',
        rules: ['proxy-url-invalid'],
      };
    case 'proxy-tls-mismatch':
      return {
        explanation: `${who(c)} speaks TLS to the proxy because its URL starts with https://, and the proxy answers in plain HTTP. Use http:// for the proxy itself.`,
        rules: ['https-proxy-scheme'],
      };
    case 'proxy-unreachable':
      return unreachable(c);
    case 'proxy-auth':
      return {
        explanation: `The proxy wants credentials that ${who(c)} did not send, or sent mangled (an unencoded @ # % or a systemd % specifier). This is the proxy, not the registry.`,
        rules: ['proxy-url-invalid', 'systemd-percent-escape'],
      };
    case 'proxy-refused':
      return {
        explanation: `The proxy answered ${who(c)}'s CONNECT with an error: its policy blocks this host or port (or wants another auth scheme). This is the proxy, not the registry; ask for the host to be allowed, or bypass it with NO_PROXY if it is internal.`,
        rules: [],
      };
    case 'tls-inspection':
      return {
        explanation: `${who(c)} does not trust the certificate it got: a TLS-inspecting proxy re-signs traffic with a corporate CA (or the registry uses a private CA). Give ${who(c)} that CA.`,
        rules: ['tls-inspection-ca'],
      };
    case 'registry-auth':
      return {
        explanation:
          'The registry (its token service) refused the credentials: log in again, check the token or, for a 400 behind a reverse proxy, the client certificate. No proxy setting changes this.',
        rules: [],
      };
    case 'buildkitd-unreachable':
      return {
        explanation:
          'No buildkitd listens on that socket: start it (or point BUILDKIT_HOST / --addr at the running one). This is not a proxy problem.',
        rules: [],
      };
    case 'client-certificate':
      return {
        explanation:
          'The registry rejected the TLS handshake: it wants a client certificate (put client.cert and client.key in /etc/docker/certs.d/HOST/) or a TLS version the client does not offer. This is not a proxy problem.',
        rules: [],
      };
    case 'daemon-down':
      return { explanation: 'The docker CLI cannot reach dockerd.', rules: ['daemon-unreachable'] };
    case 'driver-opt-env-unsupported':
      return {
        explanation:
          'This buildx does not accept env.* driver options for that driver (added for docker-container in buildx 0.4, for kubernetes much later): upgrade buildx, or give the builder its proxy another way.',
        rules: ['builder-not-inherited'],
      };
    case 'host-gateway-unsupported':
      return {
        explanation:
          "This builder could not turn --add-host=…:host-gateway into an address: buildx's docker-container and kubernetes drivers never can, and some releases failed to (Docker 23.0, Docker 25.0.0, podman build). Give the builder the host's bridge address (docker0, often 172.17.0.1) or network=host instead of a loopback proxy; for the docker driver, setting host-gateway-ip in daemon.json also works.",
        rules: ['loopback-proxy-unreachable'],
      };
    case 'build-arg-flag':
      return {
        explanation:
          'This command does not take --build-arg that way: buildctl takes --opt build-arg:NAME=VALUE (always with =VALUE); a very old docker build has no --build-arg at all.',
        rules: [],
      };
    case 'driver-opt-csv':
      return {
        explanation:
          'buildx reads --driver-opt as CSV: a comma inside env.NO_PROXY=a,b split it. Quote the field: \'"env.NO_PROXY=a,b"\'.',
        rules: ['no-proxy-syntax', 'builder-not-inherited'],
      };
    case 'systemd-specifier':
      return {
        explanation:
          'A % in a drop-in Environment= line was read as a systemd specifier, and the line was dropped.',
        rules: ['systemd-percent-escape'],
      };
    case 'daemon-json-unknown':
      return {
        explanation:
          'dockerd does not know these daemon.json keys and refuses to start: before Engine 23.0 there is no "proxies" at all (use a systemd drop-in), and from 23.0 the keys inside it are http-proxy, https-proxy and no-proxy — httpProxy, httpsProxy and noProxy are config.json\'s spelling, for the client.',
        rules: ['daemon-json-unsupported'],
      };
    case 'daemon-flag-conflict':
      return {
        explanation: 'A proxy option is both a dockerd flag and a daemon.json key; dockerd refuses to start.',
        rules: ['daemon-json-flag-conflict'],
      };
    case 'socks-unsupported':
      return {
        explanation:
          'A SOCKS proxy reached a RUN step whose tool speaks HTTP proxies only: apt says "Unsupported proxy configured" for socks5:// (apt 1.4+ takes socks5h://).',
        rules: ['all-proxy-only'],
      };
    case 'client-config-proxies':
      return {
        explanation:
          'config.json\'s "proxies" holds one object per daemon — "proxies": {"default": {"httpProxy": …}} — not the proxy values themselves. The docker CLI (and Docker Desktop\'s credential helper) cannot read the file, so it ignores all of it: the proxies and the credentials.',
        rules: ['config-file-invalid'],
      };
    case 'direct':
      return {
        explanation:
          `${who(c)} connected to the target directly — it has no proxy (or NO_PROXY covers this host).` +
          (c.actor === 'client'
            ? ' Registry tokens are fetched by the client from your shell, not by dockerd.'
            : ''),
        rules: missingProxyRules(c),
      };
    case 'timeout':
      return {
        explanation: `${who(c)} got no answer in time, or the connection was cut: a firewall dropping a direct connection (give it the proxy), or a slow or failing proxy.`,
        rules: missingProxyRules(c),
      };
  }
}
