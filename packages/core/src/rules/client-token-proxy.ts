import { GOOD_DOCKER, NO_PROXY, variant } from './fixtures.js';
import type { Rule } from './types.js';
import { intendedProxy, shown } from './util.js';

export const clientTokenProxy: Rule = {
  id: 'client-token-proxy',
  title: 'Your shell has no proxy for registry tokens',
  severity: 'error',
  actor: 'client',
  summary:
    'buildx fetches registry auth tokens from your shell, not from the daemon: without HTTPS_PROXY in the shell, FROM fails at `failed to fetch oauth token`.',
  explanation: `Since BuildKit 0.8 the **client** (the docker CLI with buildx, or buildctl) fetches registry tokens itself,
e.g. \`POST https://auth.docker.io/token\`, even for anonymous pulls. It uses the proxy variables of the shell
you run it in — not \`daemon.json\`, not \`~/.docker/config.json\`, not Docker Desktop's settings. Maintainer
statement: *"Buildx authenticates directly from the client to get the temporary token. You need to configure
proxy directly with buildx invocation"* (moby/buildkit#5839).

Typical error: \`failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp …:443: i/o timeout\`.

Verify: \`env | grep -i _proxy\` in the shell that runs the build.`,
  fix: `Export \`HTTP_PROXY\`, \`HTTPS_PROXY\` and \`NO_PROXY\` in your shell profile (target \`client-shell\`), or set
\`BUILDKIT_NO_CLIENT_TOKEN=1\` so the builder fetches tokens with its own proxy.`,
  targets: ['client-shell'],
  examples: {
    bad: {
      title: 'dockerd has the proxy, the shell does not',
      machine: variant(GOOD_DOCKER, { env: {} }),
      profile: { proxy: 'http://proxy.corp.example:3128', noProxy: NO_PROXY },
    },
    good: { title: 'The shell exports the proxy', machine: GOOD_DOCKER },
  },
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
        evidence: ['shell environment'],
      },
    ];
  },
};
