import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const daemonJsonFlagConflict: Rule = {
  id: 'daemon-json-flag-conflict',
  title: 'A proxy is set both as a dockerd flag and in daemon.json',
  severity: 'error',
  actor: 'runtime',
  summary: 'The same proxy key as a dockerd flag and in daemon.json stops dockerd from starting.',
  targets: ['docker-daemon-json', 'docker-systemd'],
  references: [
    {
      title: 'Docker docs: dockerd configuration file',
      url: 'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
    },
  ],
  check(state) {
    const dj = state.daemonJson;
    if (!dj?.proxies) return [];
    return Object.keys(state.systemd.flags)
      .filter((k) => k in (dj.proxies ?? {}))
      .map((k) => ({
        message: `--${k} is given to dockerd in ExecStart and "${k}" is in ${dj.path}: dockerd refuses to start`,
        msg: msg('daemon-json-flag-conflict.both', { key: k, path: dj.path }),
        evidence: ['systemctl show docker', `${dj.path}:${dj.lines[k as 'http-proxy'] ?? 1}`],
      }));
  },
};
