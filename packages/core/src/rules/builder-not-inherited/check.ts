import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import {
  builderEvidence,
  builderLabel,
  builderLabelMsg,
  builderMissingProxy,
  joinCommands,
  runtimeHasProxy,
  usedBuilders,
} from '../util.js';

export const builderNotInherited: Rule = {
  id: 'builder-not-inherited',
  title: 'The docker-container builder did not inherit the daemon proxy',
  severity: 'error',
  actor: 'builder',
  summary:
    'dockerd has a proxy, so docker pull works, but the buildx_buildkit container was created without one and buildx build fails.',
  targets: ['buildx-docker-container'],
  references: [
    {
      title: 'docker/buildx#2059: builder does not use daemon proxy',
      url: 'https://github.com/docker/buildx/issues/2059',
    },
    {
      title: 'Docker docs: docker-container driver',
      url: 'https://docs.docker.com/build/builders/drivers/docker-container/',
    },
  ],
  check(state) {
    if (!runtimeHasProxy(state)) return [];
    return usedBuilders(state)
      .filter(({ builder }) => builder.driver === 'docker-container' && builderMissingProxy(builder))
      .map(({ builder, commands }) => ({
        message: `dockerd has HTTPS_PROXY, but ${builderLabel(builder)} (${joinCommands(commands)}) was created without it`,
        msg: msg('builder-not-inherited.created', { builder: builderLabelMsg(builder), commands }),
        evidence: [...builderEvidence(builder), 'docker info'],
      }));
  },
};
