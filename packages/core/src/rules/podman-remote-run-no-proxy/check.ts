import { atLeast, formatVersion } from '../../formats/version.js';
import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const podmanRemoteRunNoProxy: Rule = {
  id: 'podman-remote-run-no-proxy',
  title: 'Remote podman builds give RUN steps no proxy (podman < 4.4)',
  severity: 'warning',
  actor: 'run',
  summary:
    'A podman client older than 4.4 talking to a service (podman machine, podman-remote, CONTAINER_HOST) builds with --http-proxy=false by default: RUN steps get no proxy at all.',
  targets: ['podman-machine'],
  references: [
    {
      title: 'containers/podman#16520: podman build http_proxy=false for remote client',
      url: 'https://github.com/containers/podman/issues/16520',
    },
    {
      title: 'containers/podman#16776: use the server proxy for remote builds (v4.4.0)',
      url: 'https://github.com/containers/podman/pull/16776',
    },
  ],
  check(state) {
    const p = state.engines.podman;
    const cmd = state.engines.command;
    if (!p || !(p.remote || cmd?.remote) || !p.podman || atLeast(p.podman, '4.4.0') !== false) return [];
    if (cmd?.httpProxy === true || cmd?.tool === 'buildah-bud') return [];
    const serviceProxy = p.machine?.env?.some((v) => /^https?_proxy$/i.test(v.name) && v.value !== '');
    const anyProxy = serviceProxy || p.processEnv.length > 0;
    if (!anyProxy) return [];
    return [
      {
        message: `podman ${formatVersion(p.podman)} is a remote client${p.machine ? ` (machine ${p.machine.name})` : ''}: podman build defaults to --http-proxy=false there, so RUN steps get no proxy${serviceProxy ? ' although the service has one' : ''}; pass --http-proxy=true or use podman ≥ 4.4`,
        msg: msg('podman-remote-run-no-proxy.remote', {
          version: formatVersion(p.podman),
          machine: p.machine ? p.machine.name : null,
          service: !!serviceProxy,
        }),
        evidence: ['podman version --format json', 'podman info --format json'],
        // the build command given shows the flag is missing: not a guess about future builds any more
        ...(cmd?.tool === 'podman-build' ? { severity: 'error' as const } : {}),
      },
    ];
  },
};
