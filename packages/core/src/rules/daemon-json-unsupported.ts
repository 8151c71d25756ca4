import { GOOD_DAEMON_JSON, variant } from './fixtures.js';
import type { Rule } from './types.js';

export const daemonJsonUnsupported: Rule = {
  id: 'daemon-json-unsupported',
  title: 'daemon.json proxies need Docker Engine 23 or newer',
  severity: 'error',
  actor: 'runtime',
  summary: 'This Engine predates the daemon.json "proxies" section: dockerd refuses to start with it.',
  explanation: `The \`proxies\` object in \`daemon.json\` (\`http-proxy\`, \`https-proxy\`, \`no-proxy\`) arrived in Docker Engine
23.0 (moby/moby#42835). An older dockerd does not know the keys and **refuses to start**:
\`the following directives don't match any configuration option: no-proxy, http-proxy, https-proxy\` (observed
with Debian's dockerd 20.10). Distributions still ship 20.10.

Verify: \`dockerd --version\`, and \`journalctl -u docker\` after a restart.`,
  fix: `Remove \`proxies\` from \`daemon.json\` and use a systemd drop-in instead (target \`docker-systemd\`), or upgrade
Docker Engine to 23 or newer.`,
  targets: ['docker-systemd'],
  examples: {
    bad: {
      title: 'Debian 12 docker.io (20.10) with daemon.json proxies',
      machine: variant(GOOD_DAEMON_JSON, { docker: { engine: '20.10.24+dfsg1', daemon: 'down' } }),
    },
    good: { title: 'Engine 26 reads daemon.json proxies', machine: GOOD_DAEMON_JSON },
  },
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
        evidence: [`${dj.path}:${Object.values(dj.lines)[0] ?? 1}`, 'dockerd --version'],
      },
    ];
  },
};
