import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const daemonUnreachable: Rule = {
  id: 'daemon-unreachable',
  title: 'The docker daemon is not reachable',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'The docker CLI could not reach dockerd, so what the daemon and its builders really use cannot be checked; findings rest on the configuration files alone.',
  targets: [],
  references: [
    {
      title: 'Docker docs: Troubleshooting the Docker daemon',
      url: 'https://docs.docker.com/engine/daemon/troubleshoot/',
    },
  ],
  check(state) {
    const d = state.docker;
    if (d.daemon === 'absent') {
      return [
        {
          severity: 'info',
          message: 'docker is not installed (no docker CLI on PATH): only the shell environment was checked',
          msg: msg('daemon-unreachable.absent', {}),
          evidence: ['docker version'],
        },
      ];
    }
    if (d.daemon === 'up') return [];
    return [
      {
        // buildctl never talks to dockerd: a stopped dockerd is a fact, not this build's problem.
        ...(state.builderKind === 'buildkitd' ? { severity: 'info' as const } : {}),
        message:
          d.daemon === 'timeout'
            ? 'dockerd did not answer within the probe timeout (wedged daemon?)'
            : `dockerd is not reachable: ${d.daemonError}${state.builderKind === 'buildkitd' ? ' (buildctl build does not use it)' : ''}`,
        msg:
          d.daemon === 'timeout'
            ? msg('daemon-unreachable.timeout', {})
            : msg('daemon-unreachable.down', {
                error: String(d.daemonError),
                buildctl: state.builderKind === 'buildkitd',
              }),
        evidence: ['docker info'],
      },
    ];
  },
};
