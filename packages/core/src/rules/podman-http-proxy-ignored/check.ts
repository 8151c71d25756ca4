import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const podmanHttpProxyIgnored: Rule = {
  id: 'podman-http-proxy-ignored',
  title: 'containers.conf http_proxy = false does not reach builds',
  severity: 'warning',
  actor: 'run',
  summary:
    '[containers] http_proxy = false keeps the proxy out of `podman run` containers only: `podman build` and `buildah bud` still pass the proxy variables of their environment into every RUN step.',
  targets: [],
  references: [
    {
      title: 'containers.conf(5): [containers] http_proxy',
      url: 'https://github.com/containers/common/blob/main/docs/containers.conf.5.md',
    },
    {
      title: 'containers/podman#29299: podman build does not honour env and http_proxy in containers.conf',
      url: 'https://github.com/containers/podman/issues/29299',
    },
  ],
  check(state) {
    const p = state.engines.podman;
    if (p?.httpProxy?.value !== false) return [];
    if (state.engines.command?.httpProxy === false) return []; // the command already says --http-proxy=false
    const vars = p.remote ? [] : p.processEnv.filter((v) => /^(https?|ftp|no)_proxy$/i.test(v.name));
    if (vars.length === 0) return [];
    return [
      {
        message: `${p.httpProxy.origin.ref}: http_proxy = false, but podman build and buildah bud still pass ${[...new Set(vars.map((v) => v.name))].join(', ')} (from ${[...new Set(vars.map((v) => v.origin.ref))].join(', ')}) into RUN steps; only podman run honours it`,
        msg: msg('podman-http-proxy-ignored.passed', {
          at: p.httpProxy.origin.ref,
          names: [...new Set(vars.map((v) => v.name))],
          from: [...new Set(vars.map((v) => v.origin.ref))],
        }),
        evidence: [p.httpProxy.origin.ref],
      },
    ];
  },
};
