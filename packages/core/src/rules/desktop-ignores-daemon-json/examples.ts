// desktop-ignores-daemon-json: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { HOME, NO_PROXY, PROXY, shellEnv } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const desktopDaemonJson = `${JSON.stringify({ proxies: { 'http-proxy': PROXY, 'https-proxy': PROXY, 'no-proxy': NO_PROXY } }, null, 2)}\n`;

export const examples: RuleExamples = {
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
};
