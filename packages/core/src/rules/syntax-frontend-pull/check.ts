import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { builderLabel, builderLabelMsg, builderMissingProxy, intendedProxy, usedBuilders } from '../util.js';

export const syntaxFrontendPull: Rule = {
  id: 'syntax-frontend-pull',
  title: 'The # syntax= frontend is pulled by a builder without a proxy',
  severity: 'warning',
  actor: 'builder',
  summary:
    'A `# syntax=` line makes the builder pull a frontend image before the Dockerfile is even parsed; without a builder proxy the build fails at its first line.',
  targets: ['docker-systemd', 'docker-daemon-json', 'buildx-docker-container', 'buildkitd-systemd'],
  references: [
    {
      title: 'devcontainers/cli#1038: resolve image config for docker/dockerfile fails behind proxy',
      url: 'https://github.com/devcontainers/cli/issues/1038',
    },
    {
      title: 'Dockerfile reference: syntax directive',
      url: 'https://docs.docker.com/reference/dockerfile/#syntax',
    },
  ],
  check(state, profile) {
    const syntax = state.dockerfile?.syntax;
    if (!syntax || !intendedProxy(profile)) return [];
    const missing = usedBuilders(state).filter(({ builder }) => builderMissingProxy(builder));
    if (missing.length === 0) return [];
    return [
      {
        message: `${state.dockerfile!.path}:${syntax.line} pulls the frontend ${syntax.image}, but ${missing.map((m) => builderLabel(m.builder)).join(' and ')} has no proxy`,
        msg: msg('syntax-frontend-pull.pull', {
          at: `${state.dockerfile!.path}:${syntax.line}`,
          image: syntax.image,
          builders: missing.map((m) => builderLabelMsg(m.builder)),
        }),
        evidence: [`${state.dockerfile!.path}:${syntax.line}`],
      },
    ];
  },
};
