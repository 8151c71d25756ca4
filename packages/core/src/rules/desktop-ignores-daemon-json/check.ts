import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const desktopIgnoresDaemonJson: Rule = {
  id: 'desktop-ignores-daemon-json',
  title: 'Docker Desktop ignores daemon.json proxies',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'Docker Desktop takes its proxy from Settings > Resources > Proxies; the proxies section of daemon.json has no effect.',
  targets: ['client-shell'],
  references: [
    {
      title: 'Docker docs: Daemon proxy configuration (Desktop note)',
      url: 'https://docs.docker.com/engine/daemon/proxy/',
    },
    {
      title: 'Docker Desktop settings: Proxies',
      url: 'https://docs.docker.com/desktop/settings-and-maintenance/settings/#proxies',
    },
  ],
  check(state) {
    const dj = state.daemonJson;
    if (!state.docker.desktop || !dj?.proxies || Object.keys(dj.proxies).length === 0) return [];
    return [
      {
        message: `${dj.path} has "proxies", which Docker Desktop ignores`,
        msg: msg('desktop-ignores-daemon-json.proxies', { path: dj.path }),
        evidence: [dj.path, 'docker info'],
      },
    ];
  },
};
