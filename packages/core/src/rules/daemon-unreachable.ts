import { GOOD_DOCKER, variant } from './fixtures.js';
import type { Rule } from './types.js';

export const daemonUnreachable: Rule = {
  id: 'daemon-unreachable',
  title: 'The docker daemon is not reachable',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'The docker CLI could not reach dockerd, so what the daemon and its builders really use cannot be checked; findings rest on the configuration files alone.',
  explanation: `buildproxy asks the running daemon (\`docker info\`) for the proxy it actually uses, because files can be
stale. When the daemon is stopped, wedged or behind a socket you cannot open, the report falls back to the files.
Common causes: dockerd not started, your user not in the \`docker\` group, \`DOCKER_HOST\` pointing elsewhere, or a
daemon that refused to start because of its configuration (see \`journalctl -u docker\`).`,
  fix: `Start dockerd (\`sudo systemctl start docker\`), check \`DOCKER_HOST\` and your permissions on the socket, then run
\`buildproxy doctor\` again.`,
  targets: [],
  examples: {
    bad: {
      title: 'dockerd is stopped',
      machine: variant(GOOD_DOCKER, { docker: { engine: '26.1.5', daemon: 'down' } }),
    },
    good: { title: 'dockerd answers', machine: GOOD_DOCKER },
  },
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
          evidence: ['docker version'],
        },
      ];
    }
    if (d.daemon === 'up') return [];
    return [
      {
        message:
          d.daemon === 'timeout'
            ? 'dockerd did not answer within the probe timeout (wedged daemon?)'
            : `dockerd is not reachable: ${d.daemonError}`,
        evidence: ['docker info'],
      },
    ];
  },
};
