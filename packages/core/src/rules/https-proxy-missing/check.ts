import { ACTORS } from '../../analyze/types.js';
import { msg } from '../../messages/ref.js';
import type { FindingDraft, Rule } from '../types.js';
import { EVERY_LAYER, shown } from '../util.js';

export const httpsProxyMissing: Rule = {
  id: 'https-proxy-missing',
  title: 'HTTP_PROXY is set but HTTPS_PROXY is not',
  severity: 'error',
  actor: 'builder',
  summary:
    'Go uses HTTPS_PROXY, and only HTTPS_PROXY, for https:// requests; with HTTP_PROXY alone every registry request goes direct.',
  targets: EVERY_LAYER,
  references: [
    {
      title: 'docker/for-linux#1290: 20.10.8 no longer uses HTTP_PROXY for https',
      url: 'https://github.com/docker/for-linux/issues/1290',
    },
    { title: 'Go: net/http ProxyFromEnvironment', url: 'https://pkg.go.dev/net/http#ProxyFromEnvironment' },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    for (const actor of ACTORS) {
      const a = state.actors[actor];
      if (a.status !== 'known' || !a.proxy.http || a.proxy.https) continue;
      // The builder of the docker driver is dockerd: one finding is enough.
      if (
        actor === 'builder' &&
        state.buildxBuilder?.driver === 'docker' &&
        state.actors.runtime.status === 'known'
      )
        continue;
      out.push({
        actor,
        message: `${a.label}: ${a.proxy.http.name}=${shown(a.proxy.http.value)} but no HTTPS_PROXY, so https:// registry requests go direct`,
        msg: msg('https-proxy-missing.http-only', {
          actor: a.label,
          var: `${a.proxy.http.name}=${shown(a.proxy.http.value)}`,
        }),
        evidence: [a.proxy.http.origin.ref],
      });
    }
    return out;
  },
};
