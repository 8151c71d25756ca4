// `buildproxy route URL`: for each actor, does a request to URL go direct or through which proxy, and why.
// Go's semantics for client, runtime and builder; curl's for RUN steps (BuildKit sets both cases there).
import type { Actor, EffectiveProxy, Profile, State } from './analyze/types.js';
import { curlProxyForUrl } from './proxy/no-proxy-curl.js';
import { goProxyForUrl } from './proxy/no-proxy-go.js';
import { redactAll } from './proxy/redact.js';

export interface Route {
  url: string;
  actors: Record<Actor, { proxy: string | null; reason: string; semantics: 'go' | 'curl'; known: boolean }>;
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

export function routeUrl(state: State, profile: Profile, url: string): Route {
  const actors = {} as Route['actors'];
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const varName = scheme === 'https' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  for (const actor of ['client', 'runtime', 'builder', 'run'] as Actor[]) {
    const a = state.actors[actor];
    const proxy = profile.source === 'flags' ? profileProxy(profile) : a.proxy;
    const known = profile.source === 'flags' || a.status === 'known';
    const from = (ref: string | undefined) => (ref ? ` (${ref})` : '');
    if (actor === 'run') {
      const d = curlProxyForUrl(envOf(proxy), url);
      const reason =
        d.proxy !== null
          ? `${d.via} is set${from(proxy.https?.origin.ref ?? proxy.http?.origin.ref)}; curl semantics`
          : d.why === 'no-proxy'
            ? `NO_PROXY entry "${d.entry}" matches (curl semantics)`
            : d.why === 'invalid'
              ? 'the URL cannot be parsed'
              : known
                ? `no ${scheme === 'http' ? 'http_proxy' : varName} for RUN steps: direct`
                : 'unknown: RUN-step proxy could not be determined';
      actors.run = { proxy: d.proxy ? redactAll(d.proxy) : null, reason, semantics: 'curl', known };
      continue;
    }
    const d = goProxyForUrl(
      { httpProxy: proxy.http?.value, httpsProxy: proxy.https?.value, noProxy: proxy.noProxy?.value },
      url,
    );
    let reason: string;
    if (d.proxy !== null)
      reason = `${d.via} is set${from((d.via === 'HTTPS_PROXY' ? proxy.https : proxy.http)?.origin.ref)}`;
    else if (d.why === 'no-proxy')
      reason = `NO_PROXY entry "${d.entry}" matches${from(proxy.noProxy?.origin.ref)}`;
    else if (d.why === 'localhost' || d.why === 'loopback')
      reason = 'localhost and loopback addresses are never proxied';
    else if (d.why === 'invalid')
      reason = `the ${varName} value cannot be parsed, so Go ignores it and connects direct`;
    else if (d.why === 'scheme') reason = `Go proxies only http:// and https:// requests`;
    else if (!known) reason = `unknown: ${a.label} could not be inspected`;
    else
      reason = `no ${varName} set: direct${scheme === 'https' && proxy.http ? ' (HTTP_PROXY is never used for https://)' : ''}`;
    actors[actor] = { proxy: d.proxy ? redactAll(d.proxy) : null, reason, semantics: 'go', known };
  }
  return { url, actors };
}
