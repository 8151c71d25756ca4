// desktop-loopback-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { HOME } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const systemMode = `${JSON.stringify({ ProxyHTTPMode: 'system', OverrideProxyHTTP: '', OverrideProxyHTTPS: '' }, null, 2)}\n`;

const STORE = `${HOME}/.docker/desktop/settings-store.json`;

export const examples: RuleExamples = {
  bad: {
    title: 'A Windows system proxy on 127.0.0.1:10809 imported into the VM',
    machine: {
      home: HOME,
      files: { [STORE]: systemMode },
      docker: {
        engine: '28.1.1',
        desktop: true,
        systemd: false,
        processEnv: { HTTP_PROXY: 'http://127.0.0.1:10809', HTTPS_PROXY: 'http://127.0.0.1:10809' },
      },
    },
  },
  good: {
    title: "Desktop's internal proxy in docker info",
    machine: {
      home: HOME,
      files: { [STORE]: systemMode },
      docker: {
        engine: '28.1.1',
        desktop: true,
        systemd: false,
        processEnv: { HTTP_PROXY: 'http.docker.internal:3128', HTTPS_PROXY: 'http.docker.internal:3128' },
      },
    },
  },
};
