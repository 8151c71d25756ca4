import type { Layer } from '../../analyze/types.js';
import { msg } from '../../messages/ref.js';
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
    // One finding per layer and pair of values: HTTP_PROXY and HTTPS_PROXY differing from their lower-case twins
    // the same way are one cause. A trailing "/" is not a difference (Go ignores the path of a proxy URL).
    const same = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
    const byCause = new Map<
      string,
      { layer: Layer; upper: string[]; lower: string[]; u: string; l: string; ev: string[] }
    >();
    for (const layer of state.layers) {
      if (!layer.effective) continue;
      for (const [canon, vals] of Object.entries(layer.vars) as [
        keyof Layer['vars'],
        Layer['vars'][keyof Layer['vars']],
      ][]) {
        const upper = vals?.find((v) => v.name === canon && v.value !== '');
        const lower = vals?.find((v) => v.name === canon.toLowerCase() && v.value !== '');
        if (!upper || !lower || same(upper.value, lower.value)) continue;
        const key = `${upper.value}\0${lower.value}`;
        const e = byCause.get(key) ?? { layer, upper: [], lower: [], u: upper.value, l: lower.value, ev: [] };
        if (!e.upper.includes(upper.name)) e.upper.push(upper.name);
        if (!e.lower.includes(lower.name)) e.lower.push(lower.name);
        for (const ref of [upper.origin.ref, lower.origin.ref]) if (!e.ev.includes(ref)) e.ev.push(ref);
        byCause.set(key, e);
      }
    }
    return [...byCause.values()].map(
      (e): FindingDraft => ({
        actor: e.layer.actor,
        message: `${e.layer.label}: ${e.upper.join('/')}=${shown(e.u)} but ${e.lower.join('/')}=${shown(e.l)}`,
        msg: msg('proxy-case-mismatch.differ', {
          layer: e.layer.label,
          upper: `${e.upper.join('/')}=${shown(e.u)}`,
          lower: `${e.lower.join('/')}=${shown(e.l)}`,
        }),
        evidence: e.ev,
      }),
    );
  },
};
