import type { Actor } from '../../analyze/types.js';
import { msg } from '../../messages/ref.js';
import { parseProxyUrl } from '../../proxy/url.js';
import { distinctValues } from '../layer-values.js';
import type { Rule } from '../types.js';
import { EVERY_LAYER, shown } from '../util.js';

export const httpsProxyScheme: Rule = {
  id: 'https-proxy-scheme',
  title: 'The proxy URL uses https://',
  severity: 'warning',
  actor: 'builder',
  summary:
    'An https:// proxy URL makes Go speak TLS to the proxy itself; most corporate proxies speak plain HTTP, even for HTTPS_PROXY.',
  targets: EVERY_LAYER,
  references: [
    {
      title: 'docker/for-linux#415: first record does not look like a TLS handshake',
      url: 'https://github.com/docker/for-linux/issues/415',
    },
    {
      title: 'docker/cli#3351: TLS handshake timeout through proxy',
      url: 'https://github.com/docker/cli/issues/3351',
    },
  ],
  check(state, profile) {
    const explicit = profile.source === 'flags' ? [profile.httpProxy, profile.httpsProxy] : [];
    // One finding per proxy endpoint: HTTP_PROXY, HTTPS_PROXY and https_proxy naming the same https:// proxy
    // (with or without a trailing "/") are one cause with one fix.
    const byEndpoint = new Map<string, { value: string; names: string[]; origins: string[]; actor: Actor }>();
    for (const d of distinctValues(state, ['HTTP_PROXY', 'HTTPS_PROXY'])) {
      const p = parseProxyUrl(d.value);
      if (!p.ok || p.url.scheme !== 'https' || explicit.includes(d.value)) continue;
      const key = `${p.url.host.toLowerCase()}:${p.url.port ?? 443}`;
      const e = byEndpoint.get(key) ?? { value: d.value, names: [], origins: [], actor: d.layers[0]!.actor };
      for (const n of d.names) if (!e.names.includes(n)) e.names.push(n);
      for (const o of d.origins) if (!e.origins.includes(o)) e.origins.push(o);
      byEndpoint.set(key, e);
    }
    return [...byEndpoint.values()].map((e) => ({
      actor: e.actor,
      message: `${e.names.join('/')}=${shown(e.value)} makes Go open TLS to the proxy itself; use http:// unless the proxy speaks TLS`,
      msg: msg('https-proxy-scheme.tls', { names: e.names.join('/'), value: shown(e.value) }),
      evidence: e.origins,
    }));
  },
};
