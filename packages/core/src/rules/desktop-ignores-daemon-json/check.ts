import { HOME, NO_PROXY, PROXY, shellEnv } from '../../machines/fixtures.js';
import type { Rule } from '../types.js';

const desktopDaemonJson = `${JSON.stringify({ proxies: { 'http-proxy': PROXY, 'https-proxy': PROXY, 'no-proxy': NO_PROXY } }, null, 2)}\n`;

export const desktopIgnoresDaemonJson: Rule = {
  id: 'desktop-ignores-daemon-json',
  title: 'Docker Desktop ignores daemon.json proxies',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'Docker Desktop takes its proxy from Settings > Resources > Proxies; the proxies section of daemon.json has no effect.',
  targets: ['client-shell'],
  examples: {
    bad: {
      title: 'daemon.json proxies on Docker Desktop',
      machine: {
        home: HOME,
        env: shellEnv(),
        files: { [`${HOME}/.docker/daemon.json`]: desktopDaemonJson },
        docker: { engine: '27.4.0', desktop: true, systemd: false },
      },
    },
    good: {
      title: 'Proxy set in Docker Desktop settings',
      machine: {
        home: HOME,
        env: shellEnv(),
        docker: {
          engine: '27.4.0',
          desktop: true,
          systemd: false,
          processEnv: {
            HTTP_PROXY: 'http://http.docker.internal:3128',
            HTTPS_PROXY: 'http://http.docker.internal:3128',
          },
        },
      },
    },
  },
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
        evidence: [dj.path, 'docker info'],
      },
    ];
  },
};
