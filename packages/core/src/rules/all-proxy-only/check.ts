import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { EVERY_LAYER, shown } from '../util.js';

export const allProxyOnly: Rule = {
  id: 'all-proxy-only',
  title: 'Only ALL_PROXY is set',
  severity: 'error',
  actor: 'builder',
  summary:
    'dockerd, buildkitd and buildx never read ALL_PROXY, and buildx does not pass config.json allProxy to RUN steps.',
  targets: EVERY_LAYER,
  references: [
    {
      title: 'docker/desktop-linux#60: apk rejects socks5 proxy',
      url: 'https://github.com/docker/desktop-linux/issues/60',
    },
    {
      title: 'Go: httpproxy.FromEnvironment (no ALL_PROXY)',
      url: 'https://pkg.go.dev/golang.org/x/net/http/httpproxy#FromEnvironment',
    },
  ],
  check(state) {
    const seen = new Set<string>();
    return state.layers
      .filter(
        (l) =>
          l.effective &&
          l.vars.ALL_PROXY?.some((v) => v.value) &&
          !l.vars.HTTP_PROXY?.some((v) => v.value) &&
          !l.vars.HTTPS_PROXY?.some((v) => v.value),
      )
      .flatMap((l) => {
        const v = l.vars.ALL_PROXY!.find((x) => x.value)!;
        const key = `${l.actor}\0${v.value}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [
          {
            actor: l.actor,
            message: `${l.label} sets only ${v.name}=${shown(v.value)}; ${l.go ? 'Go programs ignore ALL_PROXY' : 'buildx does not pass allProxy to RUN steps'}`,
            msg: msg('all-proxy-only.only', { layer: l.label, var: `${v.name}=${shown(v.value)}`, go: l.go }),
            evidence: [v.origin.ref],
          },
        ];
      });
  },
};
