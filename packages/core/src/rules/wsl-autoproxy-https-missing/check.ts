import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const wslAutoproxyHttpsMissing: Rule = {
  id: 'wsl-autoproxy-https-missing',
  title: "WSL's autoProxy set HTTP_PROXY but not HTTPS_PROXY",
  severity: 'error',
  actor: 'client',
  summary:
    'With a PAC-only Windows proxy, WSL autoProxy exports http_proxy and WSL_PAC_URL but no https_proxy, so every HTTPS request from this distro (registries, tokens) goes direct.',
  targets: ['client-shell'],
  references: [
    {
      title: 'microsoft/WSL#40945: autoProxy leaves HTTPS_PROXY empty behind a PAC',
      url: 'https://github.com/microsoft/WSL/issues/40945',
    },
    { title: 'microsoft/WSL#40950: the fix', url: 'https://github.com/microsoft/WSL/pull/40950' },
    { title: 'microsoft/WSL#12469', url: 'https://github.com/microsoft/WSL/issues/12469' },
  ],
  check(state) {
    const env = state.client;
    if (!state.host.wsl || !env.WSL_PAC_URL) return [];
    if (!(env.HTTP_PROXY || env.http_proxy) || env.HTTPS_PROXY || env.https_proxy) return [];
    return [
      {
        message: `WSL autoProxy set HTTP_PROXY from the PAC file ${env.WSL_PAC_URL} but left HTTPS_PROXY empty: HTTPS requests from this shell go direct`,
        msg: msg('wsl-autoproxy-https-missing.http-only', { pac: env.WSL_PAC_URL }),
        evidence: ['shell environment'],
      },
    ];
  },
};
