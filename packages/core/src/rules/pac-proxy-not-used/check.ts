import { ACTORS, type Actor, type State } from '../../analyze/types.js';
import { msg } from '../../messages/ref.js';
import { describeSteps } from '../../pac/answer.js';
import { PACKAGE_HOSTS } from '../../pac/hosts.js';
import { curlProxyForUrl } from '../../proxy/no-proxy-curl.js';
import { goProxyForUrl } from '../../proxy/no-proxy-go.js';
import { DOCKER_HUB_HOSTS, registryHostport } from '../../proxy/registry.js';
import type { FindingDraft, Rule } from '../types.js';
import { listBounded } from '../util.js';

/** The actor connects to `url` directly with its own settings: Go's choice, curl's for RUN steps. */
function goesDirect(state: State, actor: Actor, url: string): boolean {
  const a = state.actors[actor];
  if (a.status !== 'known') return false;
  const p = a.proxy;
  if (actor === 'run') {
    const env: Record<string, string> = {};
    if (p.http) env.http_proxy = p.http.value;
    if (p.https) env.https_proxy = p.https.value;
    if (p.noProxy) env.no_proxy = p.noProxy.value;
    if (p.all) env.all_proxy = p.all.value;
    const d = curlProxyForUrl(env, url);
    return d.proxy === null && d.why !== 'invalid';
  }
  const d = goProxyForUrl(
    { httpProxy: p.http?.value, httpsProxy: p.https?.value, noProxy: p.noProxy?.value },
    url,
  );
  return d.proxy === null && !('error' in d);
}

export const pacProxyNotUsed: Rule = {
  id: 'pac-proxy-not-used',
  title: 'The PAC file sends a host through a proxy, but an actor goes direct',
  severity: 'error',
  actor: 'runtime',
  summary:
    'The PAC file says PROXY for the registry (or a package host), but the actor that fetches it has no proxy: Go tools (docker, dockerd, BuildKit) and RUN steps cannot read a PAC file, so they connect direct and time out.',
  targets: ['client-shell', 'docker-systemd', 'buildx-docker-container', 'desktop-settings'],
  references: [
    {
      title: 'docker/for-mac#7695: Docker Desktop PAC evaluation rejects registries',
      url: 'https://github.com/docker/for-mac/issues/7695',
    },
    {
      title: 'microsoft/WSL#40945: autoProxy leaves HTTPS_PROXY empty behind a PAC',
      url: 'https://github.com/microsoft/WSL/issues/40945',
    },
    {
      title: 'Go net/http ProxyFromEnvironment: environment variables only',
      url: 'https://pkg.go.dev/net/http#ProxyFromEnvironment',
    },
  ],
  check(state, profile) {
    const pac = state.platform.pac;
    if (!pac || pac.failure) return [];
    // hosts as the PAC is asked about them: "registry.corp:5000" → "registry.corp", "[::1]:5000" → "::1"
    const hostOf = (r: string) =>
      registryHostport(r)
        .replace(/:\d+$/, '')
        .replace(/^\[(.*)\]$/, '$1');
    const registry = new Set([...DOCKER_HUB_HOSTS, ...profile.registries, ...profile.mirrors].map(hostOf));
    const packages = new Set(PACKAGE_HOSTS.map((p) => p.host));
    const out: FindingDraft[] = [];
    for (const actor of ACTORS as readonly Actor[]) {
      // RUN steps fetch packages; the other actors pull images
      const wanted = pac.hosts.filter(
        (h) =>
          h.problem === null && h.proxyUrl !== null && (actor === 'run' ? packages : registry).has(h.host),
      );
      // what the actor does with its own settings, not with the proxy given on the command line
      const direct = wanted.filter((h) => goesDirect(state, actor, h.url));
      if (direct.length === 0) continue;
      const first = direct[0]!;
      // every host: the user fixes NO_PROXY or the proxy per host, and a host not named is one not checked
      const shown = listBounded(direct.map((h) => h.host));
      out.push({
        actor,
        message: `The PAC file (${pac.source}) says "${describeSteps(first.steps)}" for ${shown}, but ${state.actors[actor].label} goes direct: it cannot read a PAC file. Give it HTTPS_PROXY=${first.proxyUrl} and HTTP_PROXY=${first.proxyUrl}`,
        msg: msg('pac-proxy-not-used.direct', {
          source: pac.source,
          answer: describeSteps(first.steps),
          hosts: direct.map((h) => h.host),
          actor: state.actors[actor].label,
          proxy: String(first.proxyUrl),
        }),
        evidence: [`PAC ${pac.url}`, 'buildproxy route'],
      });
    }
    return out;
  },
};
