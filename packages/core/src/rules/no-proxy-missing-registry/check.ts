import type { Actor } from '../../analyze/types.js';
import { msg } from '../../messages/ref.js';
import { goBypass } from '../../proxy/no-proxy-go.js';
import { registryHostport } from '../../proxy/registry.js';
import type { FindingDraft, Rule } from '../types.js';

export const noProxyMissingRegistry: Rule = {
  id: 'no-proxy-missing-registry',
  title: 'An internal registry is not in NO_PROXY',
  severity: 'warning',
  actor: 'builder',
  summary:
    'Requests to your internal registry or mirror go through the corporate proxy, which usually cannot reach it (403, 502, timeouts).',
  targets: ['docker-systemd', 'docker-daemon-json', 'buildx-docker-container', 'client-shell'],
  references: [
    {
      title: 'docker/buildx#895: no_proxy not respected for registry',
      url: 'https://github.com/docker/buildx/issues/895',
    },
    {
      title: 'Go: httpproxy NO_PROXY semantics',
      url: 'https://pkg.go.dev/golang.org/x/net/http/httpproxy#Config',
    },
  ],
  check(state, profile) {
    const out: FindingDraft[] = [];
    for (const actor of ['client', 'builder'] as Actor[]) {
      const a = state.actors[actor];
      if (a.status !== 'known' || !a.proxy.https) continue;
      const noProxy = a.proxy.noProxy?.value ?? '';
      for (const reg of profile.registries) {
        const hp = registryHostport(reg);
        if (goBypass(noProxy, hp).bypass) continue;
        out.push({
          actor,
          message: `${a.label}: ${reg} is not matched by NO_PROXY=${noProxy || '(empty)'}, so it is fetched through the proxy`,
          msg: msg('no-proxy-missing-registry.through', { actor: a.label, registry: reg, noProxy }),
          evidence: [a.proxy.noProxy?.origin.ref ?? a.proxy.https.origin.ref],
        });
      }
    }
    return out;
  },
};
