import { msg } from '../../messages/ref.js';
// ADD <url> under podman/buildah: the podman (or buildah) process downloads the file itself, with its own
// environment's proxy — not the build's --http-proxy / RUN env (measured, podman 4.3.1 / buildah 1.28.2, e2e).
// By version (buildah add.go getURL; podman vendors buildah, go.mod at each tag):
// - buildah < 1.38 (podman < 5.3): http.Get → Go's DefaultTransport → ProxyFromEnvironment (add.go@v1.37.0).
// - buildah 1.38–1.41 (podman 5.3–5.6): &http.Transport{TLSClientConfig} with no Proxy: always direct, the
//   environment's proxy is ignored (add.go@v1.38.0, containers/buildah#5869, containers/podman#25220).
// - buildah ≥ 1.42 (podman ≥ 5.7): Proxy: http.ProxyFromEnvironment again (containers/buildah#6274).

import type { VarValue } from '../../analyze/types.js';
import { atLeast, formatVersion, type Version } from '../../formats/version.js';
import { goConfigFromEnv, goProxyForUrl } from '../../proxy/no-proxy-go.js';
import type { FindingDraft, Rule } from '../types.js';

/** Versions whose ADD <url> client has no Proxy func (buildah add.go@v1.38.0 … v1.41.x). */
export function addIgnoresProxy(tool: 'podman' | 'buildah', v: Version | null): boolean {
  if (!v) return false;
  return tool === 'buildah'
    ? atLeast(v, '1.38.0') === true && atLeast(v, '1.42.0') === false
    : atLeast(v, '5.3.0') === true && atLeast(v, '5.7.0') === false;
}

const URL_RE = /https?:\/\/[^\s"'\],]+/;

function envOf(vars: VarValue[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const v of vars) env[v.name] = v.value;
  return env;
}

export const podmanAddUrlNoProxy: Rule = {
  id: 'podman-add-url-no-proxy',
  title: 'podman/buildah fetch ADD <url> without a proxy',
  severity: 'warning',
  actor: 'builder',
  summary:
    '`ADD <url>` is downloaded by the podman/buildah process (or the remote service) itself, with its own proxy variables — not the build args or RUN env; buildah 1.38–1.41 (podman 5.3–5.6) ignore even those.',
  targets: ['podman-machine'],
  references: [
    {
      title: 'containers/buildah#5869: `ADD <url>` fails if http proxy is used (1.38.0)',
      url: 'https://github.com/containers/buildah/issues/5869',
    },
    {
      title: 'containers/buildah#6274: build,add: add support for corporate proxies (v1.42.0)',
      url: 'https://github.com/containers/buildah/pull/6274',
    },
    {
      title: 'containers/podman#25220: ADD <url> behind a proxy (fixed by buildah#6274)',
      url: 'https://github.com/containers/podman/issues/25220',
    },
  ],
  check(state) {
    const p = state.engines.podman;
    const adds = state.dockerfile?.addUrls ?? [];
    if (!p || adds.length === 0) return [];
    const cmd = state.engines.command;
    const buildah = cmd?.tool === 'buildah-bud' || (!p.podman && p.buildah !== null);
    const remote = !buildah && (p.remote || cmd?.remote === true);
    // the process that fetches: the local podman/buildah, or the service (known only for a podman machine)
    const fetcherEnv = remote ? p.machine?.env : p.processEnv;
    if (!fetcherEnv) return [];
    const version = buildah ? p.buildah : remote ? p.server : p.podman;
    const ignores = addIgnoresProxy(buildah ? 'buildah' : 'podman', version);
    const proxyKnown = [...p.processEnv, ...(p.machine?.env ?? [])].some(
      (v) => /^https?_proxy$/i.test(v.name) && v.value !== '',
    );
    if (!proxyKnown) return [];
    const whoMsg = buildah
      ? msg('podman.buildah', { version: formatVersion(p.buildah) })
      : remote
        ? msg('podman.service', { machine: p.machine ? p.machine.name : null })
        : msg('podman.podman', { version: formatVersion(p.podman) });
    const who = buildah
      ? `buildah ${formatVersion(p.buildah)}`
      : remote
        ? `the podman service${p.machine ? ` in machine ${p.machine.name}` : ''}`
        : `podman ${formatVersion(p.podman)}`;
    const cfg = goConfigFromEnv(envOf(fetcherEnv));
    const out: FindingDraft[] = [];
    for (const add of adds) {
      const url = URL_RE.exec(add.text)?.[0];
      if (!url) continue;
      const d = goProxyForUrl(cfg, url);
      // NO_PROXY, loopback, a URL Go cannot parse (an unexpanded $ARG): a deliberate or unknowable choice
      if (d.proxy === null && d.why !== 'unset' && d.why !== 'invalid') continue;
      const host = new URL(url).host;
      const evidence = [
        `${state.dockerfile!.path}:${add.line}`,
        remote
          ? (p.machine?.env?.[0]?.origin.ref ??
            `${p.machine?.name}:/etc/systemd/system.conf.d/default-env.conf`)
          : 'environment',
      ];
      if (d.proxy !== null && ignores)
        out.push({
          message: `Dockerfile line ${add.line} ADDs ${url}: ${who} (buildah 1.38–1.41 inside) ignores its proxy for ADD <url> and connects to ${host} directly; upgrade to podman ≥ 5.7 / buildah ≥ 1.42, or download it in a RUN step`,
          msg: msg('podman-add-url-no-proxy.ignores', { line: String(add.line), url, who: whoMsg, host }),
          evidence,
        });
      else if (d.proxy === null)
        out.push({
          message: `Dockerfile line ${add.line} ADDs ${url}: ${who} downloads it itself and has no ${url.startsWith('https:') ? 'HTTPS_PROXY' : 'HTTP_PROXY'}${d.why === 'invalid' ? ' it can use' : ''} for ${host} (build args and RUN env do not apply); set it in ${remote ? 'the machine (restart it from a shell with the proxy)' : "podman's environment or containers.conf [engine] env"}`,
          msg: msg('podman-add-url-no-proxy.none', {
            line: String(add.line),
            url,
            who: whoMsg,
            name: url.startsWith('https:') ? 'HTTPS_PROXY' : 'HTTP_PROXY',
            invalid: d.why === 'invalid',
            host,
            remote,
          }),
          evidence,
        });
    }
    return out;
  },
};
