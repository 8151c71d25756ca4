// `buildproxy route URL`: for each actor, does a request to URL go direct, through which proxy (and which
// host:port is really dialed), or fail, and why. Go's semantics (net/http ProxyFromEnvironment, checked against
// real Go in test/proxy/go-oracle) for client, runtime and builder; curl's for RUN steps.
import type { Actor, EffectiveProxy, Profile, State } from './analyze/types.js';
import type { GoVersion } from './proxy/go-url.js';
import { curlProxyForUrl } from './proxy/no-proxy-curl.js';
import { type GoDecision, goProxyForUrl, goProxyTarget } from './proxy/no-proxy-go.js';
import { redactAll, redactValue } from './proxy/redact.js';

export interface RouteActor {
  verdict: 'proxy' | 'direct' | 'error' | 'unknown';
  proxy: string | null;
  /** host:port the actor really connects to first when it uses a proxy (Go actors) */
  dial: string | null;
  /** Go cannot parse the proxy value as written and dials something else than the proxy */
  mangled: boolean;
  error: string | null;
  reason: string;
  semantics: 'go' | 'curl';
  /** the Go version whose rules answered (Go actors) */
  go: GoVersion | null;
  known: boolean;
}

export interface Route {
  url: string;
  actors: Record<Actor, RouteActor>;
}

function envOf(p: EffectiveProxy): Record<string, string> {
  const env: Record<string, string> = {};
  const set = (n: string, v: string | undefined) => {
    if (v) {
      env[n] = v;
      env[n.toLowerCase()] = v;
    }
  };
  set('HTTP_PROXY', p.http?.value);
  set('HTTPS_PROXY', p.https?.value);
  set('NO_PROXY', p.noProxy?.value);
  set('ALL_PROXY', p.all?.value);
  return env;
}

function profileProxy(profile: Profile): EffectiveProxy {
  const origin = { kind: 'profile' as const, ref: 'command-line flags' };
  const v = (name: string, value: string | null) => (value ? { name, value, origin } : null);
  return {
    http: v('HTTP_PROXY', profile.httpProxy),
    https: v('HTTPS_PROXY', profile.httpsProxy),
    noProxy: v('NO_PROXY', profile.noProxy.join(',') || null),
    all: null,
  };
}

function summary(d: GoDecision): string {
  if (d.proxy !== null) return `via ${redactValue(d.proxy)} (dials ${d.dial ?? 'nothing'})`;
  return 'error' in d ? `error: ${d.error}` : 'direct';
}

/**
 * The proxy-choice behaviour of the Go a dockerd was built with ("go1.21.10"). The differential oracle
 * (scripts/go-proxy-oracle) measured 1.19, 1.21–1.24: 1.21 and 1.22 answer as 1.19 does; 1.20 was not available
 * to measure and is taken as 1.19, the nearest measured release before the 1.23 change.
 */
export function goBehaviour(goVersion: string | null): GoVersion | null {
  const m = /^go1\.(\d+)/.exec(goVersion ?? '');
  if (!m) return null;
  const minor = Number(m[1]);
  if (minor >= 24) return '1.24';
  if (minor === 23) return '1.23';
  if (minor === 22) return '1.22';
  if (minor === 21) return '1.21';
  return '1.19';
}

/**
 * dockerd's own Go when `docker version` says it (Docker's builds of 23–27 use Go 1.19–1.22, distributions rebuild
 * with theirs); without it, engines before 23.0 (20.10 in Debian bookworm and docker-ce) are Go 1.19, later 1.24.
 */
export function goOf(state: State, actor: Actor): GoVersion {
  const old = state.docker.engine !== null && state.docker.engine[0] < 23;
  const daemon = goBehaviour(state.docker.engineGo) ?? (old ? '1.19' : '1.24');
  if (actor === 'runtime') return daemon;
  if (actor === 'builder') return state.buildBuilder?.driver === 'docker' ? daemon : '1.24';
  return '1.24';
}

const NON_HTTP: Record<string, string> = {
  ssh: 'git over ssh:// uses ssh, which ignores HTTP proxies (use ProxyCommand in ~/.ssh/config)',
  git: "git:// uses git's own protocol, which ignores HTTP proxies (set core.gitProxy)",
};

/** The raw environment of a Go actor, where the capture has it: for the CGI rule and misspelt names. */
function envOfActor(state: State, actor: Actor): Record<string, string> | null {
  if (actor === 'client') return state.client;
  if (actor === 'runtime') return state.dockerdEnv?.env ?? null;
  if (actor === 'builder') return state.buildBuilder?.env ?? null;
  return null;
}

/** "Https_Proxy is set, but Go reads only HTTPS_PROXY and https_proxy" */
function misspelt(env: Record<string, string> | null, name: string): string {
  const other = Object.keys(env ?? {}).find(
    (k) => k.toUpperCase() === name && k !== name && k !== name.toLowerCase() && env?.[k],
  );
  return other ? `; ${other} is set, but Go reads only ${name} and ${name.toLowerCase()}` : '';
}

function goActor(
  state: State,
  actor: Actor,
  proxy: EffectiveProxy,
  known: boolean,
  url: string,
  flags: boolean,
): RouteActor {
  const a = state.actors[actor];
  const go = goOf(state, actor);
  const env = flags ? null : envOfActor(state, actor);
  const cfg = {
    httpProxy: proxy.http?.value,
    httpsProxy: proxy.https?.value,
    noProxy: proxy.noProxy?.value,
    cgi: Boolean(env?.REQUEST_METHOD),
  };
  const d = goProxyForUrl(cfg, url, go);
  const from = (ref: string | undefined) => (ref ? ` (${ref})` : '');
  const base = { semantics: 'go' as const, go, known, dial: null, mangled: false, error: null };
  let r: RouteActor;
  if (d.proxy !== null) {
    const v = d.via === 'HTTPS_PROXY' ? proxy.https : proxy.http;
    const t = goProxyTarget(v?.value ?? '', go);
    const mangled = d.dial !== null && t !== null && 'mangled' in t && t.mangled;
    const reason = mangled
      ? `${d.via}${from(v?.origin.ref)} is not a valid URL as written: Go reads it as ${redactValue(d.proxy)} and dials ${d.dial}; percent-encode the special characters (see proxy-url-invalid)`
      : d.dial === null
        ? `${d.via} is set${from(v?.origin.ref)}, but the URL has no host: Go fails with "http: no Host in request URL"`
        : `${d.via} is set${from(v?.origin.ref)}`;
    r = { ...base, verdict: 'proxy', proxy: redactValue(d.proxy), dial: d.dial, mangled, reason };
  } else if ('error' in d) {
    const reason =
      d.why === 'cgi'
        ? 'REQUEST_METHOD is set, so Go refuses HTTP_PROXY (CGI rule) and the request fails'
        : 'Go cannot parse the URL, so the request fails before any proxy is chosen';
    r = { ...base, verdict: 'error', proxy: null, error: redactAll(d.error), reason };
  } else {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
    const varName = scheme === 'https' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
    let reason: string;
    if (d.why === 'no-proxy')
      reason = `NO_PROXY entry "${d.entry}" matches${from(proxy.noProxy?.origin.ref)}`;
    else if (d.why === 'localhost' || d.why === 'loopback')
      reason = 'localhost and loopback addresses are never proxied';
    else if (d.why === 'invalid')
      reason = `the ${varName} value cannot be parsed, so Go ignores it and connects direct`;
    else if (d.why === 'scheme')
      reason = `Go proxies only http:// and https:// requests${NON_HTTP[scheme] ? `; ${NON_HTTP[scheme]}` : ''}`;
    else if (!known)
      reason =
        actor === 'builder' && !state.buildBuilder
          ? 'unknown: no builder was found, so its proxy settings could not be read'
          : `unknown: the proxy settings of ${a.label} could not be read`;
    else
      reason = `no ${varName} set: direct${scheme === 'https' && proxy.http ? ' (HTTP_PROXY is never used for https://)' : ''}${misspelt(env, varName)}`;
    const verdict = d.why === 'unset' && !known ? 'unknown' : 'direct';
    r = { ...base, verdict, proxy: null, reason };
  }
  if (go !== '1.24') {
    const now = summary(goProxyForUrl(cfg, url, '1.24'));
    if (now !== summary(d))
      r.reason += `; ${state.docker.engineText ?? 'this dockerd'} is built with Go ${state.docker.engineGo?.replace(/^go/, '') ?? go} — Go 1.24 would go ${now}`;
  }
  return r;
}

export function routeUrl(state: State, profile: Profile, url: string): Route {
  const actors = {} as Route['actors'];
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
  const varName = scheme === 'https' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  for (const actor of ['client', 'runtime', 'builder'] as Actor[]) {
    const a = state.actors[actor];
    const proxy = profile.source === 'flags' ? profileProxy(profile) : a.proxy;
    const flags = profile.source === 'flags';
    actors[actor] = goActor(state, actor, proxy, flags || a.status === 'known', url, flags);
  }
  const a = state.actors.run;
  const proxy = profile.source === 'flags' ? profileProxy(profile) : a.proxy;
  const known = profile.source === 'flags' || a.status === 'known';
  const ref = proxy.https?.origin.ref ?? proxy.http?.origin.ref;
  const base = { semantics: 'curl' as const, go: null, known, dial: null, mangled: false, error: null };
  if (NON_HTTP[scheme]) {
    actors.run = { ...base, verdict: 'direct', proxy: null, reason: `${NON_HTTP[scheme]} (RUN steps)` };
    return { url, actors };
  }
  const d = curlProxyForUrl(envOf(proxy), url);
  const reason =
    d.proxy !== null
      ? `${d.via} is set${ref ? ` (${ref})` : ''}; curl semantics`
      : d.why === 'no-proxy'
        ? `NO_PROXY entry "${d.entry}" matches (curl semantics)`
        : d.why === 'invalid'
          ? 'curl cannot parse the URL'
          : known
            ? `no ${scheme === 'http' ? 'http_proxy' : varName} for RUN steps: direct (curl semantics)`
            : 'unknown: the RUN-step proxy could not be determined';
  const verdict = d.proxy !== null ? 'proxy' : d.why === 'invalid' ? 'error' : known ? 'direct' : 'unknown';
  actors.run = { ...base, verdict, proxy: d.proxy ? redactValue(d.proxy) : null, reason };
  return { url, actors };
}
