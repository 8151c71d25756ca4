import type { Layer } from '../../analyze/types.js';
import { DROP_IN, GOOD_DOCKER, NO_PROXY, PROXY, variant } from '../../machines/fixtures.js';
import type { FindingDraft, Rule } from '../types.js';
import { shown } from '../util.js';

export const proxyCaseMismatch: Rule = {
  id: 'proxy-case-mismatch',
  title: 'Upper- and lowercase proxy variables differ',
  severity: 'warning',
  actor: 'builder',
  summary:
    'HTTP_PROXY and http_proxy (or NO_PROXY and no_proxy) hold different values; Go, curl and wget each pick a different one.',
  targets: ['docker-systemd', 'client-shell', 'buildx-docker-container'],
  examples: {
    bad: {
      title: 'no_proxy lags behind NO_PROXY',
      machine: variant(GOOD_DOCKER, {
        files: {
          [DROP_IN]: `[Service]\nEnvironment="HTTP_PROXY=${PROXY}" "HTTPS_PROXY=${PROXY}"\nEnvironment="NO_PROXY=${NO_PROXY},registry.internal" "no_proxy=${NO_PROXY}"\n`,
        },
      }),
    },
    good: { title: 'Both cases identical', machine: GOOD_DOCKER },
  },
  references: [
    {
      title: 'docker/buildx#3636: nondeterministic no_proxy in RUN',
      url: 'https://github.com/docker/buildx/issues/3636',
    },
    {
      title: 'curl: proxy environment variables',
      url: 'https://everything.curl.dev/usingcurl/proxies/env.html',
    },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const layer of state.layers) {
      if (!layer.effective) continue;
      for (const [canon, vals] of Object.entries(layer.vars) as [
        keyof Layer['vars'],
        Layer['vars'][keyof Layer['vars']],
      ][]) {
        const upper = vals?.find((v) => v.name === canon && v.value !== '');
        const lower = vals?.find((v) => v.name === canon.toLowerCase() && v.value !== '');
        if (!upper || !lower || upper.value === lower.value) continue;
        const key = `${canon}\0${upper.value}\0${lower.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          actor: layer.actor,
          message: `${layer.label}: ${canon}=${shown(upper.value)} but ${lower.name}=${shown(lower.value)}`,
          evidence: [upper.origin.ref, lower.origin.ref],
        });
      }
    }
    return out;
  },
};
