import { proxyForRunSteps } from '../../analyze/run-proxy.js';
import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { intendedProxy, rancherTransparent, shown } from '../util.js';

export const runProxyMissing: Rule = {
  id: 'run-proxy-missing',
  title: 'RUN steps get no proxy',
  severity: 'warning',
  actor: 'run',
  summary:
    'Nothing passes the proxy to RUN steps: apt, apk, curl and pip inside the build go direct unless every build adds --build-arg HTTP_PROXY.',
  targets: ['docker-cli-config', 'build-command'],
  references: [
    {
      title: 'Docker docs: Use a proxy server with the Docker CLI',
      url: 'https://docs.docker.com/engine/cli/proxy/',
    },
    {
      title: 'docker/buildx#947: config.json proxies ignored (fixed in 0.8)',
      url: 'https://github.com/docker/buildx/issues/947',
    },
  ],
  check(state, profile) {
    const want = intendedProxy(profile);
    if (!want || state.actors.run.proxy.http || state.actors.run.proxy.https) return [];
    // Rancher Desktop redirects the containers' 80/443 to its proxy: RUN steps need no variable there
    if (rancherTransparent(state)) return [];
    if (
      state.buildCommand?.tool === 'buildctl' ||
      (!state.buildCommand && state.builderKind === 'buildkitd')
    ) {
      const mistakes = state.buildCommand?.mistakes ?? [];
      return [
        {
          message: `buildctl passes RUN steps only its --opt build-arg: values (it never reads ~/.docker/config.json): add --opt build-arg:HTTP_PROXY=${shown(want)} --opt build-arg:HTTPS_PROXY=${shown(want)}${mistakes.length ? `; ${mistakes.join('; ')}` : ''}`,
          msg: msg('run-proxy-missing.buildctl', { proxy: shown(want), mistakes }),
          evidence: [state.buildCommand ? 'buildctl build (--command)' : 'buildctl build'],
        },
      ];
    }
    if (!state.docker.cli) return [];
    const run = proxyForRunSteps(state, want);
    return [
      {
        message: `no proxies in ${state.configJson?.path ?? '~/.docker/config.json'}: RUN steps fetch direct unless each build passes --build-arg HTTP_PROXY=${shown(run.value)}${run.note ? ` (${run.note})` : ''}`,
        msg: msg('run-proxy-missing.config', {
          path: state.configJson?.path ?? '~/.docker/config.json',
          proxy: shown(run.value),
          note: run.noteMsg,
        }),
        evidence: [state.configJson?.path ?? `${state.host.home}/.docker/config.json`],
      },
    ];
  },
};
