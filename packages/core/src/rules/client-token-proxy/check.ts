import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { intendedProxy, shown } from '../util.js';

export const clientTokenProxy: Rule = {
  id: 'client-token-proxy',
  title: 'Your shell has no proxy for registry tokens',
  severity: 'error',
  actor: 'client',
  summary:
    'buildx fetches registry auth tokens from your shell, not from the daemon: without HTTPS_PROXY in the shell, FROM fails at `failed to fetch oauth token`.',
  targets: ['client-shell'],
  references: [
    {
      title: 'moby/buildkit#5839: client-side token fetch ignores builder proxy',
      url: 'https://github.com/moby/buildkit/issues/5839',
    },
    {
      title: 'docker/desktop-feedback#28: buildx token requests bypass Desktop proxy',
      url: 'https://github.com/docker/desktop-feedback/issues/28',
    },
  ],
  check(state, profile) {
    const want = intendedProxy(profile);
    if (!want || !state.docker.cli) return [];
    if (state.client.BUILDKIT_NO_CLIENT_TOKEN === '1' || state.client.BUILDKIT_NO_CLIENT_TOKEN === 'true')
      return [];
    if (state.actors.client.proxy.https) return [];
    const desktop = state.docker.desktop ? ' (Docker Desktop does not pass its proxy to CLI plugins)' : '';
    return [
      {
        message: `HTTPS_PROXY is not set in your shell, so buildx fetches registry tokens direct${desktop}; export HTTPS_PROXY=${shown(want)}`,
        msg: msg('client-token-proxy.unset', { desktop: state.docker.desktop, proxy: shown(want) }),
        evidence: ['shell environment'],
      },
    ];
  },
};
