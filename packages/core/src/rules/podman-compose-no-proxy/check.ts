import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const podmanComposeNoProxy: Rule = {
  id: 'podman-compose-no-proxy',
  title: 'podman-compose build does not pass the proxy',
  severity: 'warning',
  actor: 'run',
  summary:
    '`podman-compose build` builds without the proxy that `podman build` passes to RUN steps; only build args written in the compose file reach them.',
  targets: [],
  references: [
    {
      title: 'containers/podman-compose#896: Podman Compose does not accept proxy settings',
      url: 'https://github.com/containers/podman-compose/issues/896',
    },
  ],
  check(state) {
    if (state.engines.command?.tool !== 'podman-compose') return [];
    return [
      {
        message: `podman-compose does not pass the proxy variables to RUN steps (podman build does); set them as build args in the compose file`,
        msg: msg('podman-compose-no-proxy.compose', {}),
        evidence: ['--command'],
      },
    ];
  },
};
