import { DROP_IN, GOOD_DOCKER, PROXY, variant } from './fixtures.js';
import type { Rule } from './types.js';

export const ignoredConfigFile: Rule = {
  id: 'ignored-config-file',
  title: 'The proxy is in a file dockerd never reads',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'Proxy variables in /etc/default/docker or /etc/sysconfig/docker are ignored unless the unit reads that file, and `export` lines never work there.',
  explanation: `Old guides put \`export HTTP_PROXY=…\` in \`/etc/default/docker\`. That file was read by the SysV init script;
Docker's own systemd unit does not read it (moby/moby#23040). Debian's \`docker.io\` unit does read it through
\`EnvironmentFile=-/etc/default/docker\`, but systemd's env-file format only takes plain \`KEY=VALUE\` lines:
\`export KEY=VALUE\` lines are skipped.

Verify: \`systemctl show docker --property=EnvironmentFiles\` lists the files systemd reads.`,
  fix: `Move the variables into a systemd drop-in (target \`docker-systemd\`) and delete them from the old file.`,
  targets: ['docker-systemd'],
  examples: {
    bad: {
      title: 'export lines in /etc/default/docker on docker-ce',
      machine: variant(GOOD_DOCKER, {
        removeFiles: [DROP_IN],
        files: { '/etc/default/docker': `export HTTP_PROXY="${PROXY}"\nexport HTTPS_PROXY="${PROXY}"\n` },
      }),
    },
    good: { title: 'A drop-in instead', machine: GOOD_DOCKER },
  },
  references: [
    {
      title: 'moby/moby#23040: /etc/default/docker not read under systemd',
      url: 'https://github.com/moby/moby/issues/23040',
    },
  ],
  check(state) {
    return state.ignoredFiles.map((f) => ({
      message:
        f.why === 'export'
          ? `${f.path} is read by the docker unit, but its \`export\` lines (${f.vars.map((v) => v.name).join(', ')}) are ignored by systemd`
          : `${f.path} sets ${f.vars.map((v) => v.name).join(', ')}, but the docker unit does not read this file`,
      evidence: f.vars.map((v) => `${v.path}:${v.line}`),
    }));
  },
};
