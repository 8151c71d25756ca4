// long because: the English template of every finding message, keyed by its typed id (ids.ts). Each reproduces,
// byte for byte, the text the rule's check prints (test/messages/templates.test.ts runs every rule's example
// machines and compares). Literal text is prose; interpolated strings are values, kept verbatim as code.
import type { Templates } from './ref.js';
import { codes, joined, label, m, type Rich } from './rich.js';

const q = (s: string) => m`"${s}"`;
/** How to let a loopback-only proxy serve the docker bridge (analyze/run-proxy.ts rebindAdvice). */
const advice = (port: string, gateway: string): Rich =>
  m`cntlm: ${q(`Listen ${gateway}:${port}`)} beside ${q(`Listen 127.0.0.1:${port}`)}, then ${q('Allow <bridge subnet>')} and ${q('Deny 0/0')} (target ${'cntlm-relay'} writes this; never ${q('Gateway yes')}); squid: ${q(`http_port ${gateway}:${port}`)} with an ${q('acl')} that allows only the bridge subnet; px: ${q(`--listen=127.0.0.1,${gateway} --allow=<bridge subnet>`)}; Clash/Mihomo: ${q('allow-lan: true')} with ${q(`bind-address: ${gateway}`)}; V2Ray/Xray: a second inbound with ${q('listen')}: ${q(gateway)}`;

/** What to do about a loopback proxy, by the network namespace the actor runs in (loopback-proxy-unreachable). */
const LOOPBACK_ADVICE_EN: Record<string, Rich> = {
  bridge: m`RUN steps run in a bridge network where ${'127.0.0.1'} is the container itself: let the proxy listen on the docker0 address (e.g. ${'http://172.17.0.1:3128'}), or build with ${'--network host'}`,
  'builder-container': m`the builder container has its own loopback: recreate it with ${'--driver-opt network=host'}, or use an address the container can reach`,
  rootless: m`rootless Docker blocks the host loopback: set ${'DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false'} and use ${'http://10.0.2.2:PORT'}`,
  vm: m`Docker Desktop runs the daemon in a VM: use ${'http://host.docker.internal:PORT'} or set the proxy in Desktop settings`,
  pod: m`inside a pod ${'127.0.0.1'} is the pod: use the proxy service address`,
};

/** rules/util.ts listBounded: every item, or the first 40, how many more and how many in all. */
const bounded = (items: readonly Rich[], sep = ', '): Rich =>
  items.length <= 40
    ? joined(items, sep)
    : m`${joined(items.slice(0, 40), sep)}${[sep]}and ${String(items.length - 40)} more (${String(items.length)} in all)`;
const FETCH_EN: Record<
  string,
  (v: { detail: string | null; ms: string; status: string; bytes: string }) => Rich
> = {
  timeout: (v) =>
    m`it did not answer within ${v.ms} ms — PAC servers are often reachable only on the VPN or the office network`,
  status: (v) => m`it answered HTTP ${v.status}${detail(v.detail)}, not the file`,
  'too-large': (v) => m`it is larger than the ${v.bytes} bytes a PAC file may be here, so it was not run`,
  scheme: (v) =>
    m`it is not an http(s) URL${detail(v.detail)}; buildproxy fetches PAC files only over http and https`,
  dns: (v) =>
    m`its host name does not resolve${detail(v.detail)} — off the VPN, or a WPAD name that only the office DNS knows`,
  refused: (v) => m`the connection was refused${detail(v.detail)}`,
};
function detail(d: string | null): Rich {
  return d ? m` (${d})` : [];
}

/** What a dial to the proxy found, in English (keys: evidence's DialResult): the rules' text and the template share it. */
export const DIAL_EN = {
  ok: 'answers',
  refused: 'refuses the connection (nothing listens on that port)',
  timeout: 'does not answer (timeout)',
  dns: 'has a name this host cannot resolve',
  unreachable: 'is on a network this host cannot reach',
  reset: 'resets the connection',
  error: 'cannot be connected to',
} as const;
const dialEn = (v: { proxy: string; result: string; detail: string | null; ms: string }): Rich =>
  m`${v.proxy} ${[DIAL_EN[v.result as keyof typeof DIAL_EN] ?? String(DIAL_EN[v.result as keyof typeof DIAL_EN])]}${v.detail !== null ? m` (${v.detail}, ${v.ms} ms)` : []}`;
const EXPOSED_EN: Record<string, Rich> = {
  'config-json': m`become build args, recorded in provenance with ${'mode=max'} and visible to every RUN step`,
  systemd: m`sit in a world-readable drop-in (${'systemctl show docker'} prints them)`,
  'buildkit-systemd': m`sit in a world-readable drop-in`,
  builder: m`are printed unmasked by ${'docker buildx inspect'}`,
};

const WHERE_EN: Record<string, Rich> = {
  client: m`the host CA store`,
  runtime: m`the host CA store or ${'/etc/docker/certs.d'}`,
  builder: m`the builder's store or its buildkitd.toml ca`,
  run: m`the image's CA store`,
};

/** commands as rules/util.ts joinCommands prints them: each in backticks, joined by "and" */
const cmds = (c: string[]): Rich =>
  joined(
    c.map((x) => m`\`${x}\``),
    ' and ',
  );

export const MESSAGES_EN: Templates = {
  'proxy-unknown.none': () =>
    m`no proxy was given and none is set in the shell, dockerd, the builders or ${'~/.docker/config.json'}: nothing says whether builds need one. If they fail with timeouts, run ${'buildproxy doctor --proxy http://HOST:PORT'}`,
  'env-proxy-in-image.env': (v) => m`${v.at} sets ${v.name} with ENV: the proxy is stored in the image`,
  'proxy-arg-declared.arg': (v) =>
    m`${v.at} declares ARG ${v.name}: the proxy enters the build cache and image history`,
  'https-proxy-scheme.tls': (v) =>
    m`${`${v.names}=${v.value}`} makes Go open TLS to the proxy itself; use ${'http://'} unless the proxy speaks TLS`,
  'desktop-ignores-daemon-json.proxies': (v) => m`${v.path} has "proxies", which Docker Desktop ignores`,
  'daemon-json-unsupported.proxies': (v) =>
    m`${v.path} has "proxies", but Docker Engine ${v.engine} only reads them from 23.0 on; dockerd will not start with this file`,
  'client-token-proxy.unset': (v) =>
    m`HTTPS_PROXY is not set in your shell, so buildx fetches registry tokens direct${v.desktop ? m` (Docker Desktop does not pass its proxy to CLI plugins)` : []}; ${`export HTTPS_PROXY=${v.proxy}`}`,
  'daemon-unreachable.absent': () =>
    m`docker is not installed (no docker CLI on PATH): only the shell environment was checked`,
  'daemon-unreachable.timeout': () => m`dockerd did not answer within the probe timeout (wedged daemon?)`,
  'daemon-unreachable.down': (v) =>
    m`dockerd is not reachable: ${v.error}${v.buildctl ? m` (${'buildctl build'} does not use it)` : []}`,
  'run-proxy-missing.buildctl': (v) =>
    m`buildctl passes RUN steps only its ${'--opt build-arg:'} values (it never reads ${'~/.docker/config.json'}): add ${`--opt build-arg:HTTP_PROXY=${v.proxy} --opt build-arg:HTTPS_PROXY=${v.proxy}`}${v.mistakes.length ? m`; ${codes(v.mistakes, '; ')}` : []}`,
  'run-proxy-missing.config': (v, t) =>
    m`no proxies in ${v.path}: RUN steps fetch direct unless each build passes ${`--build-arg HTTP_PROXY=${v.proxy}`}${v.note ? m` (${t(v.note)})` : []}`,
  'all-proxy-only.only': (v) =>
    m`${label(v.layer)} sets only ${v.var}; ${v.go ? m`Go programs ignore ${'ALL_PROXY'}` : m`buildx does not pass ${'allProxy'} to RUN steps`}`,
  'build-args-only.buildctl': (v, t) =>
    m`the ${'--opt build-arg:'} values of buildctl give RUN steps a proxy, but ${t(v.builder)} (${cmds(v.commands)}) has none: FROM, ${'# syntax='} and push go direct; ${v.fix ? t(v.fix) : []}`,
  'build-args-only.config': (v, t) =>
    m`${v.path} gives RUN steps a proxy, but ${t(v.builder)} (${cmds(v.commands)}) has none: FROM and push go direct`,
  'builder-not-inherited.created': (v, t) =>
    m`dockerd has HTTPS_PROXY, but ${t(v.builder)} (${cmds(v.commands)}) was created without it`,
  'builder-proxy-missing.none': (v, t) =>
    m`${t(v.builder)}, used by ${cmds(v.commands)}, has no HTTPS_PROXY; you need ${v.proxy} (from ${label(String(v.source))})${v.fix ? m`; ${t(v.fix)}` : []}`,
  'config-file-invalid.parse': (v) => m`${v.at}: ${v.error}`,
  'daemon-json-flag-conflict.both': (v) =>
    m`${`--${v.key}`} is given to dockerd in ExecStart and "${v.key}" is in ${v.path}: dockerd refuses to start`,
  'daemon-json-overrides-env.overrides': (v) =>
    m`${v.path} sets ${v.set}, which overrides ${v.env} from ${v.at}`,
  'desktop-loopback-proxy.vm': (v) =>
    m`${'docker info'} shows the proxy ${v.proxy}: Docker Desktop's engine dials ${'127.0.0.1'} inside its VM, not on your computer.${v.mirrored !== null ? m` WSL runs in mirrored networking mode (${v.mirrored}), which hands the Windows proxy to the engine's VM.` : []}`,
  'docker-build-vs-buildx-build.differ': (v, t) =>
    m`\`${v.good}\` uses ${t(v.goodBuilder)}, which has the proxy; \`${v.bad}\` uses ${t(v.badBuilder)}, which does not`,
  'file-unreadable.theirs': (v) =>
    m`${v.path} is a symlink or is not owned by ${v.user}, so it was not read: under sudo, buildproxy reads only ${v.user}'s own files from their home and follows none of their links; its settings are not part of this report — run buildproxy as ${v.user} to read it`,
  'file-unreadable.denied': (v) =>
    m`${v.path} exists but could not be read (permission denied); its settings are not part of this report — run with sudo`,
  'file-unreadable.oversize': (v) =>
    m`${v.path} is larger than 1 MiB, more than any configuration file needs, so it was not read; its settings are not part of this report — check what wrote it`,
  'git-context-proxy.old': (v) =>
    m`${v.at} fetches a git source, but builder "${v.builder}" runs BuildKit ${v.version} (< 0.19), whose git ignores the proxy`,
  'https-proxy-missing.http-only': (v) =>
    m`${label(v.actor)}: ${v.var} but no HTTPS_PROXY, so ${'https://'} registry requests go direct`,
  'ignored-config-file.export': (v) =>
    m`${v.path} is read by the docker unit, but its \`${'export'}\` lines (${codes(v.names)}) are ignored by systemd`,
  'ignored-config-file.unread': (v) =>
    m`${v.path} sets ${codes(v.names)}, but the docker unit does not read this file`,
  'lima-system-proxy.system': (v) =>
    m`dockerd in the ${v.colima ? m`Colima` : m`Lima`} VM uses ${codes(v.vars)}, set by neither this shell nor Lima's files: Lima took it from the Mac's network settings (${'scutil --proxy'}). If that proxy is wrong, fix System Settings > Network > Proxies, or set the proxy in ${'~/.lima/_config/override.yaml'} env (an empty value there keeps the system's out), then restart the VM`,
  'loopback-proxy-unreachable.uses': (v) =>
    m`${label(v.actor)} uses ${v.proxy} (${label(v.from)}); ${LOOPBACK_ADVICE_EN[v.netns] ?? m`${'127.0.0.1'} is not this host there`}${v.port !== null ? m`. The proxy listens on ${`127.0.0.1:${v.port}`} only, so no container reaches it at any address until it also listens on the bridge gateway, for the bridge's subnet only: ${advice(v.port, v.gateway)}` : []}`,
  'no-proxy-direct-only.direct': (v) => {
    const one = v.hosts.length === 1;
    return m`${label(v.actor)}: ${codes(v.hosts)} answer${one ? m`s` : []} directly, but ${v.proxy} cannot reach ${one ? m`it` : m`them`} (${codes(v.results)}): add ${one ? m`it` : m`them`} to NO_PROXY (${'--registry'} or ${'--no-proxy'})`;
  },
  'no-proxy-missing-registry.through': (v) =>
    m`${label(v.actor)}: ${v.registry} is not matched by ${`NO_PROXY=${v.noProxy || '(empty)'}`}, so it is fetched through the proxy`,
  'no-proxy-syntax.problems': (v, t) => m`${v.names}: ${joined(v.problems.map(t), '; ')}`,
  'no-proxy.quoted': () => m`the value is wrapped in quotes, which become part of the first and last entries`,
  'no-proxy.semicolon': () => m`"${';'}" is not a separator: Go splits on commas only`,
  'no-proxy.space': (v) =>
    m`"${v.entry}" contains a space: Go splits on commas only, so this is one entry that never matches`,
  'no-proxy.scheme': (v) => m`"${v.entry}" has a scheme: entries are host names, IPs or CIDRs`,
  'no-proxy.cidr': (v) => m`"${v.entry}" is not a valid CIDR or host`,
  'no-proxy.wildcard': (v) =>
    m`"${v.entry}" uses a wildcard that Go does not expand; write a CIDR (${'10.0.0.0/8'}) or a domain suffix (${'.corp'})`,
  'no-proxy.curl-wildcard': (v) =>
    m`"${v.entry}": curl in RUN steps does not expand "${'*.'}"; write "${v.fixed}"`,
  'no-proxy.curl-port': (v) =>
    m`"${v.entry}": curl in RUN steps ignores entries with a port; list the host without it`,
  'pac-unusable.failed': (v, t) =>
    m`The PAC file ${v.url} (from ${label(v.source)}) was not used: ${v.failure ? t(v.failure) : m`null`}`,
  'pac-unusable.answers': (v, t) =>
    m`The PAC file ${v.url} (from ${label(v.source)}) gave no usable answer: ${bounded(
      v.hosts.map((h) => m`for ${h.host} it ${h.problem ? t(h.problem) : m`null`}`),
      '; ',
    )}`,
  'pac-proxy-not-used.direct': (v) =>
    m`The PAC file (${label(v.source)}) says "${v.answer}" for ${bounded(v.hosts.map((h) => m`${h}`))}, but ${label(v.actor)} goes direct: it cannot read a PAC file. Give it ${`HTTPS_PROXY=${v.proxy}`} and ${`HTTP_PROXY=${v.proxy}`}`,
  'pac-static-proxy.static': (v, t) =>
    m`The PAC file ${v.url} (from ${label(v.source)}) says: ${joined(
      v.says.map((s) => m`"${s.answer}" for ${bounded(s.hosts.map((h) => m`${h}`))}`),
      '; ',
    )}. Go tools cannot read PAC files; the static equivalent is ${
      v.proxy
        ? m`${`HTTPS_PROXY=${v.proxy} HTTP_PROXY=${v.proxy}`}${v.noProxy.length ? m` ${`NO_PROXY=${v.noProxy.join(',')}`}` : []}`
        : m`no proxy at all: these hosts go direct`
    }.${
      v.other.length
        ? m` It sends ${joined(
            v.other.map((o) => m`${o.host} through ${o.proxy}`),
            ', ',
          )}: one static proxy cannot do that, so give those hosts' tools their own setting.`
        : []
    }${v.unusable.length ? m` Go cannot use SOCKS4, the first choice for ${codes(v.unusable)}.` : []}${v.notes.length ? m` Note: ${joined(v.notes.map(t), '; ')}.` : []}`,
  'pac.error': (v) => m`${v.error}`,
  'pac.fetch': (v) => (FETCH_EN[v.result] ?? ((x) => m`fetching it failed${detail(x.detail)}`))(v),
  'pac.not-an-answer': (v) =>
    m`returned ${v.answer}, which is not a PAC answer (${'"PROXY host:port"'}, ${'"DIRECT"'})`,
  'pac.fallback-direct': (v) =>
    m`"${v.answer}" means: try direct, and the proxy only when that fails. Go tools never fall back, so the static setting follows DIRECT; if direct connections are blocked where you build, use the proxy for these hosts instead`,
  'pac.fallback-first': (v) =>
    m`"${v.answer}" lists fallbacks a browser tries in order; Go tools never fall back, so the static setting uses the first`,
  'podman-add-url-no-proxy.ignores': (v, t) =>
    m`Dockerfile line ${v.line} ADDs ${v.url}: ${t(v.who)} (buildah 1.38–1.41 inside) ignores its proxy for ${'ADD <url>'} and connects to ${v.host} directly; upgrade to podman ≥ 5.7 / buildah ≥ 1.42, or download it in a RUN step`,
  'podman-add-url-no-proxy.none': (v, t) =>
    m`Dockerfile line ${v.line} ADDs ${v.url}: ${t(v.who)} downloads it itself and has no ${v.name}${v.invalid ? m` it can use` : []} for ${v.host} (build args and RUN env do not apply); set it in ${v.remote ? m`the machine (restart it from a shell with the proxy)` : m`podman's environment or ${'containers.conf'} ${'[engine] env'}`}`,
  'podman.buildah': (v) => m`buildah ${v.version}`,
  'podman.service': (v) => m`the podman service${v.machine !== null ? m` in machine ${v.machine}` : []}`,
  'podman.podman': (v) => m`podman ${v.version}`,
  'podman-compose-no-proxy.compose': () =>
    m`podman-compose does not pass the proxy variables to RUN steps (${'podman build'} does); set them as build args in the compose file`,
  'podman-engine-env-in-run.env': (v) => {
    const parts: Rich[] = [];
    if (v.used.length)
      parts.push(
        m`${codes(v.used)} from ${'[engine] env'} ${v.remote ? m`set the service environment` : m`are what podman pulls with and what build RUN steps get`}`,
      );
    if (v.shell.length)
      parts.push(
        m`the shell's ${codes(v.shell)} win${v.shell.length === 1 ? m`s` : []} over ${'[engine] env'}'s ${codes(v.engine)}`,
      );
    return m`${v.at}: ${joined(parts, '; ')}`;
  },
  'podman-machine-proxy-stale.stale': (v, t) =>
    m`machine ${v.name} keeps the proxy it got${v.since !== null ? m` since it booted at ${v.since}` : []}: ${joined(v.vars.map(t), '; ')}. Restart it from this shell: ${`podman machine stop ${v.name}; podman machine start ${v.name}`}`,
  'podman-machine-proxy-stale.var': (v) =>
    m`${v.name}: the machine has ${v.vm !== null ? m`${v.vm}` : m`none`}, this shell ${v.shell}${v.would !== null ? m` (it would get ${v.would})` : []}`,
  'podman-remote-run-no-proxy.remote': (v) =>
    m`podman ${v.version} is a remote client${v.machine !== null ? m` (machine ${v.machine})` : []}: ${'podman build'} defaults to ${'--http-proxy=false'} there, so RUN steps get no proxy${v.service ? m` although the service has one` : []}; pass ${'--http-proxy=true'} or use podman ≥ 4.4`,
  'podman-http-proxy-ignored.passed': (v) =>
    m`${v.at}: ${'http_proxy = false'}, but ${'podman build'} and ${'buildah bud'} still pass ${codes(v.names)} (from ${joined(v.from.map(label), ', ')}) into RUN steps; only ${'podman run'} honours it`,
  'podman-machine-loopback-proxy.loopback': (v) =>
    m`machine ${v.name}: ${codes(v.vars)} (${label(v.from)}); inside the VM ${'127.0.0.1'} is the VM: use ${'host.containers.internal'}`,
  'proxy-auth-required.407': (v) => {
    const head = m`${label(v.actor)}: ${v.proxy} answers 407 to CONNECT ${v.host} (offers ${v.schemes.length ? codes(v.schemes) : m`no scheme named`})`;
    const tail = {
      rejected: m`it rejects the user and password in the URL: check them, and percent-encode ${'@ : % # /'} in them`,
      basic: m`put ${'user:password'} (percent-encoded) in the proxy URL, e.g. ${'http://USER:PASS@host:port'}`,
      'go-cannot': m`Go's HTTP client sends only Basic credentials, so this actor can never authenticate: run a local cntlm relay (target ${'cntlm-relay'}) and point the actors at it`,
      none: m`no scheme this actor can use is offered`,
    }[v.advice];
    return m`${head}; ${tail}`;
  },
  'proxy-case-mismatch.differ': (v) => m`${label(v.layer)}: ${v.upper} but ${v.lower}`,
  'proxy-credentials-exposed.where': (v) =>
    m`credentials in ${v.name} (${label(v.layer)}) ${EXPOSED_EN[v.where] ?? m`${v.where}`}`,
  'proxy-forbids-host.refuses': (v) =>
    m`${label(v.actor)}: ${v.proxy} refuses CONNECT to ${joined(
      v.hosts.map((h) => m`${h.host} (${h.status}${h.product !== null ? m` from ${h.product}` : []})`),
      ', ',
    )}`,
  'proxy-network-bypass.toml': (v) =>
    m`${v.path} enables BuildKit's proxy network, which replaces the proxy of every RUN step`,
  'proxy-unreachable.given': (v) => m`the proxy you gave, ${dialEn(v)}`,
  'proxy-unreachable.uses': (v) => m`${label(v.actor)} uses ${dialEn(v)}`,
  'proxy-url-invalid.invalid': (v) =>
    m`${v.var}: ${[v.message]}; ${[v.fix]}.${v.go === 'rejects' ? m` Go rejects it and connects direct.` : v.go === 'mangled' ? m` Go cannot parse it and dials ${String(v.dial)} instead of the proxy.` : []}`,
  'builder-config-stale.daemon-json': (v) =>
    m`${v.path} sets ${codes(v.file)}, but the running dockerd reports ${codes(v.running)} (${'docker info'}): daemon.json changed after dockerd started; restart dockerd (\`${v.restart}\`)`,
  'builder-config-stale.reload': (v) =>
    m`the drop-in files set ${v.names.length ? codes(v.names) : m`${'EnvironmentFile='}`} differently from what systemd has loaded: run \`${`${v.sysctl} daemon-reload`}\` and restart docker`,
  'builder-config-stale.started-before': (v) =>
    m`dockerd (pid ${v.pid}) started before the proxy change (${codes(v.names)} differ): restart it with \`${v.restart}\``,
  'builder-config-stale.not-from-drop-ins': (v) =>
    m`dockerd (pid ${v.pid}) runs with different ${codes(v.names)} than the drop-ins say: it was started before they changed, or not from them; restart it`,
  'builder-config-stale.builder': (v) =>
    m`builder "${v.name}": its container runs with different ${codes(v.names)} than its driver options (${codes(v.opts)}): recreate it`,
  'colima-loopback-proxy.vm': (v) =>
    m`colima ${v.profile}: the VM's daemon.json has ${codes(v.vars)}; dockerd in the VM dials itself. Use the host gateway (${'host.lima.internal'} / ${'192.168.5.2'}) or colima ≥ 0.7.6`,
  'colima-loopback-proxy.info': (v) =>
    m`colima ${v.profile}: ${'docker info'} shows ${codes(v.vars)}; dockerd in the VM dials itself. Use the host gateway (${'host.lima.internal'} / ${'192.168.5.2'}) or colima ≥ 0.7.6`,
  'colima-loopback-proxy.verbatim': (v) =>
    m`colima ${v.profile}: ${codes(v.vars)} (${label(v.from)}) goes verbatim into the VM's daemon.json with this colima; use the host gateway or colima ≥ 0.7.6`,
  'sudo-env-reset.unknown': (v) =>
    m`buildproxy runs as root through sudo and analysed ${v.user}'s ${'~/.docker'} and builders, but ${v.user}'s shell environment could not be read, and sudo's env_reset drops the proxy variables: the client and RUN steps were checked with the environment sudo passed on. To analyse ${v.user}'s own variables run ${codes(v.fallback, ', or ')}`,
  'sudo-env-reset.dropped': (v) =>
    m`sudo's env_reset dropped ${codes(v.names)} from ${v.user}'s environment. buildproxy read them from the sudo process and analysed ${v.user}'s client with them, but whatever runs under sudo (${'sudo docker build'}, ${'sudo buildproxy apply'}) goes without them. Keep them with ${`sudo --preserve-env=${v.preserve}`}, ${'sudo -E'}, or ${v.keep} in ${'/etc/sudoers.d/'}`,
  'systemd-percent-escape.dropped': (v) =>
    m`${v.path} line ${codes(v.lines)}: ${codes(v.specs)} is not a systemd specifier, so systemd ignores the whole line; write ${'%%'} for a literal ${'%'}`,
  'systemd-percent-escape.replaced': (v) =>
    m`${v.path} line ${codes(v.lines)}: systemd replaces ${codes(v.specs)} with one of its own values; write ${'%%'} for a literal ${'%'}`,
  'tls-inspection-ca.host': (v) =>
    m`the host CA store is not known to hold ${v.ca}: the client's token fetch${v.dockerd ? m`, dockerd` : []}${v.buildkitd ? m` and buildkitd` : []} verify against it`,
  'tls-inspection-ca.builder': (v) =>
    m`builder "${v.name}" (${v.driver}) was created without a buildkitd.toml listing ${v.ca}: its image trusts only public roots`,
  'tls-inspection-ca.buildkitd': (v) =>
    m`buildkitd trusts neither the host store nor a buildkitd.toml ca entry with ${v.ca}`,
  'tls-inspection-ca.run': (v) =>
    m`RUN steps trust only the CAs inside the image: add ${v.ca} in the Dockerfile (COPY + ${'update-ca-certificates'}, or a secret mount; plan target ${'ca-trust'} prints both)`,
  'tls-inspection-untrusted.untrusted': (v) =>
    m`${label(v.actor)}: ${v.host} is signed by "${v.issuer ?? m`an unknown issuer`}" (${v.error ?? m`not a public root`}), which ${WHERE_EN[v.where] ?? m`${v.where}`} ${v.known ? m`does not hold` : m`may not hold (the doctor cannot look there)`}; save it with ${'--save-ca FILE'} and plan with ${'--ca-cert FILE'}`,
  'wsl-nat-loopback-proxy.nat': (v) =>
    m`${label(v.setting)} is ${v.url}, on Windows' loopback; in NAT mode (${v.mode}) ${'127.0.0.1'} in ${v.distro ?? m`this distro`} is the distro itself, so its dockerd cannot reach that proxy`,
  'wsl-autoproxy-https-missing.http-only': (v) =>
    m`WSL autoProxy set HTTP_PROXY from the PAC file ${v.pac} but left HTTPS_PROXY empty: HTTPS requests from this shell go direct`,
  'syntax-frontend-pull.pull': (v, t) =>
    m`${v.at} pulls the frontend ${v.image}, but ${joined(v.builders.map(t), ' and ')} has no proxy`,
  'systemd-environment-quoting.quoted': (v) =>
    m`${v.at}: one quoted string sets only ${v.variable}; ${codes(v.swallowed)} become part of its value`,
  'systemd-environment-quoting.split': (v) =>
    m`${v.at}: "${v.word}" is not NAME=value, so systemd drops it (an unquoted space split the value)`,
  'report.rule-failed': (v) => m`rule failed to run: ${v.error}`,
  'builder.named': (v) => m`builder "${v.name}" (${v.driver} driver)`,
  'builder.buildkitd': (v) => m`${v.name}`,
  'buildkitd.fix': ({ pid, user, how }) => {
    const u = user ? ' --user' : '';
    const verify = pid
      ? m`verify with \`${`tr '\\0' '\\n' < /proc/${pid}/environ | grep -i proxy`}\` (after the restart: the new pid)`
      : m`verify with ${'/proc/PID/environ'} of buildkitd`;
    const fix =
      how === 'kube'
        ? m`set ${'HTTPS_PROXY'}/${'HTTP_PROXY'}/${'NO_PROXY'} in the env of the buildkitd Deployment (target ${'kubernetes'})`
        : how === 'systemd'
          ? m`a drop-in for buildkit.service (target ${'buildkitd-systemd'}), then \`${`systemctl${u} daemon-reload && systemctl${u} restart buildkit`}\`; ${verify} or \`${`systemctl${u} show buildkit -p Environment`}\``
          : m`restart it with the proxy in its environment: \`${'HTTPS_PROXY=… HTTP_PROXY=… NO_PROXY=… buildkitd …'}\` or an environment file (target ${'build-command'}); ${verify}`;
    return m`give buildkitd the proxy: ${fix}. \`${'buildctl debug workers --verbose'}\` prints no environment and proves nothing`;
  },
  'run-proxy.note': (v, t) => m`${t(v.why)}${v.rebind ? m`; ${t(v.rebind)}` : []}`,
  'run-proxy.rebind': ({ port, gateway }) =>
    m`the proxy listens on ${`127.0.0.1:${port}`} only, so let it also listen on the bridge gateway ${gateway}, for the bridge's subnet only (${advice(port, gateway)})`,
  'run-proxy.desktop': () => m`Docker Desktop resolves ${'host.docker.internal'} to this host`,
  'run-proxy.rootless': () =>
    m`rootless Docker reaches the host at ${'10.0.2.2'} (${'DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false'})`,
  'run-proxy.listens': (v) => m`the proxy listens on ${v.address}, which build containers can reach`,
  'run-proxy.bridge': (v) => m`build containers reach this host at dockerd's bridge address ${v.bridge}`,
  'run-proxy.docker0': () =>
    m`build containers reach this host at docker0's address (${'172.17.0.1'} unless dockerd runs with ${'--bip'} or ${'--bridge'})`,
};
