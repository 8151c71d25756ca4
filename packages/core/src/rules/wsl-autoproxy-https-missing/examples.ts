// wsl-autoproxy-https-missing: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { HOME } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const WSL = { distro: 'Ubuntu', windowsHome: '/mnt/c/Users/alice' };

const PAC = 'http://wpad.corp.example/proxy.pac';

const PROXY = 'http://proxy.corp.example:3128';

export const examples: RuleExamples = {
  bad: {
    title: 'PAC-only Windows proxy, WSL 2.9.3',
    machine: {
      home: HOME,
      wsl: WSL,
      env: { http_proxy: PROXY, HTTP_PROXY: PROXY, WSL_PAC_URL: PAC, WSL_DISTRO_NAME: 'Ubuntu' },
      docker: { engine: '28.2.2', systemd: true },
    },
  },
  good: {
    title: 'The shell exports HTTPS_PROXY too',
    machine: {
      home: HOME,
      wsl: WSL,
      env: { HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY, WSL_PAC_URL: PAC, WSL_DISTRO_NAME: 'Ubuntu' },
      docker: { engine: '28.2.2', systemd: true },
    },
  },
};
