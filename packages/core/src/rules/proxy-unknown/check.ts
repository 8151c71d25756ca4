import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const proxyUnknown: Rule = {
  id: 'proxy-unknown',
  title: 'Nothing says whether builds need a proxy',
  severity: 'info',
  actor: 'client',
  summary:
    'No proxy was given and none is set anywhere on this machine, so every actor was checked against "no proxy": that is right on a direct network and wrong behind a corporate proxy. Give the proxy with --proxy to check each actor against it.',
  targets: [],
  references: [
    {
      title: 'Docker docs: Use a proxy server with the Docker CLI',
      url: 'https://docs.docker.com/engine/cli/proxy/',
    },
  ],
  check(state, profile) {
    if (profile.source !== 'none') return [];
    // a PAC file that names a proxy says builds need one: pac-proxy-not-used tells which actor lacks it
    if (state.platform.pac?.static.proxy) return [];
    return [
      {
        message:
          'no proxy was given and none is set in the shell, dockerd, the builders or ~/.docker/config.json: nothing says whether builds need one. If they fail with timeouts, run buildproxy doctor --proxy http://HOST:PORT',
        msg: msg('proxy-unknown.none', {}),
        evidence: ['environment', 'docker info'],
      },
    ];
  },
};
