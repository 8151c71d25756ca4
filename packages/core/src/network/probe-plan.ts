// What `doctor --network` asks, decided purely from the analysed machine: each distinct proxy an actor uses (and
// the one the user gave), the registry hosts each actor sends through it — Go's proxy choice with the actor's own
// NO_PROXY, curl's for RUN steps — and once direct. The prober (node/probes/network.ts) only executes this.
import { ACTORS, type Actor, type EffectiveProxy, type Profile, type State } from '../analyze/types.js';
import { goParseProxy } from '../proxy/go-url.js';
import { curlProxyForUrl } from '../proxy/no-proxy-curl.js';
import { goDialAddr, goProxyForUrl } from '../proxy/no-proxy-go.js';
import { redactValue } from '../proxy/redact.js';
import { DOCKER_HUB_HOSTS, registryHostport } from '../proxy/registry.js';
import { goOf } from '../route.js';

// the hosts every docker.io pull needs, kept beside the registry helpers so that rules can name them too
export { DOCKER_HUB_HOSTS } from '../proxy/registry.js';
export const MAX_PROBE_HOSTS = 16;
export const HOST_NAME = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})|[0-9A-Fa-f:.]{2,45})$/;
export const MAX_PROBE_ROUTES = 8;

export interface ProbeHost {
  host: string;
  port: number;
  actors: Actor[];
}

export interface PlannedRoute {
  /** the proxy as written, credentials included: handed to the prober, never recorded (see `shown`) */
  proxy: string | null;
  shown: string | null;
  scheme: string | null;
  /** host and port the prober dials: Go's canonical address of the proxy */
  dialHost: string | null;
  dialPort: number | null;
  /** URL userinfo, decoded: sent as Basic to this proxy only */
  username: string | null;
  password: string | null;
  actors: Actor[];
  intended: boolean;
  hosts: ProbeHost[];
}

function splitDial(dial: string): { host: string; port: number } | null {
  const m = /^\[([^\]]*)\]:(\d+)$/.exec(dial) ?? /^([^:]*):(\d+)$/.exec(dial);
  if (!m?.[1]) return null;
  const port = Number(m[2]);
  return port > 0 && port < 65536 ? { host: m[1], port } : null;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The needed hosts as host + port: docker.io's three, then the internal registries and mirrors. */
export function neededHosts(profile: Profile): { host: string; port: number }[] {
  const out: { host: string; port: number }[] = [];
  for (const h of [...DOCKER_HUB_HOSTS, ...profile.registries, ...profile.mirrors]) {
    const d = splitDial(registryHostport(h));
    // a name or an IP only: the host goes into a CONNECT line, so CR, LF, spaces and the like never reach it
    if (d && !HOST_NAME.test(d.host)) continue;
    if (d && !out.some((o) => o.host === d.host && o.port === d.port)) out.push(d);
    if (out.length >= MAX_PROBE_HOSTS) break;
  }
  return out;
}

function hostUrl(h: { host: string; port: number }): string {
  const host = h.host.includes(':') ? `[${h.host}]` : h.host;
  return h.port === 443 ? `https://${host}/` : `https://${host}:${h.port}/`;
}

function envOf(p: EffectiveProxy): Record<string, string> {
  const env: Record<string, string> = {};
  if (p.https?.value) env.https_proxy = p.https.value;
  if (p.http?.value) env.http_proxy = p.http.value;
  if (p.noProxy?.value) env.no_proxy = p.noProxy.value;
  return env;
}

/** The proxy an actor uses for https://host:port/, as written; null: direct (or no decision possible). */
function proxyFor(state: State, actor: Actor, p: EffectiveProxy, url: string): string | null {
  if (actor === 'run') return curlProxyForUrl(envOf(p), url).proxy;
  const d = goProxyForUrl(
    { httpProxy: p.http?.value, httpsProxy: p.https?.value, noProxy: p.noProxy?.value },
    url,
    goOf(state, actor),
  );
  return d.proxy;
}

function routeOf(raw: string, intended: boolean): PlannedRoute {
  const parsed = goParseProxy(raw);
  const base = { proxy: raw, shown: redactValue(raw), actors: [], intended, hosts: [] };
  if (!parsed || 'error' in parsed)
    return { ...base, scheme: null, dialHost: null, dialPort: null, username: null, password: null };
  const dial = splitDial(goDialAddr(parsed.url));
  const info = parsed.url.userinfo;
  const colon = info?.indexOf(':') ?? -1;
  return {
    ...base,
    scheme: parsed.url.scheme,
    dialHost: dial?.host ?? null,
    dialPort: dial?.port ?? null,
    username: parsed.url.username,
    password: info !== null && info !== undefined && colon !== -1 ? decode(info.slice(colon + 1)) : null,
  };
}

/** The routes to probe: every distinct proxy (at most MAX_PROBE_ROUTES), then the direct route last. */
export function planNetworkProbes(state: State, profile: Profile): PlannedRoute[] {
  const hosts = neededHosts(profile);
  const routes = new Map<string, PlannedRoute>();
  const direct: PlannedRoute = {
    ...routeOf('', false),
    proxy: null,
    shown: null,
    hosts: hosts.map((h) => ({ ...h, actors: [] })),
  };
  const add = (raw: string, actor: Actor | null, h: { host: string; port: number }) => {
    let r = routes.get(raw);
    if (!r) {
      if (routes.size >= MAX_PROBE_ROUTES) return;
      r = routeOf(raw, actor === null);
      routes.set(raw, r);
    }
    if (actor === null) r.intended = true;
    else if (!r.actors.includes(actor)) r.actors.push(actor);
    let ph = r.hosts.find((x) => x.host === h.host && x.port === h.port);
    if (!ph) {
      ph = { ...h, actors: [] };
      r.hosts.push(ph);
    }
    if (actor && !ph.actors.includes(actor)) ph.actors.push(actor);
  };
  for (const actor of ACTORS) {
    const a = state.actors[actor];
    if (a.status !== 'known') continue;
    for (const h of hosts) {
      const raw = proxyFor(state, actor, a.proxy, hostUrl(h));
      if (raw) add(raw, actor, h);
      else direct.hosts.find((x) => x.host === h.host && x.port === h.port)!.actors.push(actor);
    }
  }
  const intended = profile.source === 'flags' ? (profile.httpsProxy ?? profile.httpProxy) : null;
  if (intended) {
    const p: EffectiveProxy = {
      http: null,
      https: { name: 'HTTPS_PROXY', value: intended, origin: { kind: 'profile', ref: 'flags' } },
      noProxy: profile.noProxy.length
        ? { name: 'NO_PROXY', value: profile.noProxy.join(','), origin: { kind: 'profile', ref: 'flags' } }
        : null,
      all: null,
    };
    for (const h of hosts) {
      const raw = goProxyForUrl({ httpsProxy: intended, noProxy: p.noProxy?.value }, hostUrl(h)).proxy;
      if (raw) add(raw, null, h);
    }
  }
  return [...routes.values(), direct];
}
