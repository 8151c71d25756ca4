import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const proxyNetworkBypass: Rule = {
  id: 'proxy-network-bypass',
  title: 'BuildKit proxy network bypasses your proxy',
  severity: 'warning',
  actor: 'run',
  summary:
    'BuildKit\'s own "proxy network" (v0.31+) rewrites the proxy of RUN steps; in v0.31–v0.32 it then connects direct, bypassing the corporate proxy.',
  targets: ['buildkitd-toml'],
  references: [
    {
      title: 'moby/buildkit#6991: proxy network bypasses upstream proxy',
      url: 'https://github.com/moby/buildkit/issues/6991',
    },
    {
      title: 'BuildKit docs: proxy network',
      url: 'https://github.com/moby/buildkit/blob/master/docs/proxy.md',
    },
  ],
  check(state) {
    return state.buildkitd.tomls
      .filter((t) => t.proxyNetwork)
      .map((t) => ({
        message: `${t.path} enables BuildKit's proxy network, which replaces the proxy of every RUN step`,
        msg: msg('proxy-network-bypass.toml', { path: t.path }),
        evidence: [t.path],
      }));
  },
};
