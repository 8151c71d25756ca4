import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const daemonJsonUnsupported: Rule = {
  id: 'daemon-json-unsupported',
  title: 'daemon.json proxies need Docker Engine 23 or newer',
  severity: 'error',
  actor: 'runtime',
  summary: 'This Engine predates the daemon.json "proxies" section: dockerd refuses to start with it.',
  targets: ['docker-systemd'],
  references: [
    {
      title: 'moby/moby#42835: proxy configuration in daemon.json',
      url: 'https://github.com/moby/moby/pull/42835',
    },
    {
      title: 'Docker docs: Daemon proxy configuration',
      url: 'https://docs.docker.com/engine/daemon/proxy/#daemon-configuration',
    },
  ],
  check(state) {
    const dj = state.daemonJson;
    const engine = state.docker.engine;
    if (!dj?.proxies || Object.keys(dj.proxies).length === 0 || !engine || engine[0] >= 23) return [];
    return [
      {
        message: `${dj.path} has "proxies", but Docker Engine ${state.docker.engineText} only reads them from 23.0 on; dockerd will not start with this file`,
        msg: msg('daemon-json-unsupported.proxies', {
          path: dj.path,
          engine: String(state.docker.engineText),
        }),
        evidence: [`${dj.path}:${Object.values(dj.lines)[0] ?? 1}`, 'dockerd --version'],
      },
    ];
  },
};
