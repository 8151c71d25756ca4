import { msg } from '../../messages/ref.js';
import { goProxyTarget } from '../../proxy/no-proxy-go.js';
import { parseProxyUrl } from '../../proxy/url.js';
import { distinctValues } from '../layer-values.js';
import type { Rule } from '../types.js';
import { EVERY_LAYER, shown } from '../util.js';

export const proxyUrlInvalid: Rule = {
  id: 'proxy-url-invalid',
  title: 'A proxy URL is malformed',
  severity: 'error',
  actor: 'builder',
  summary:
    'A proxy value has no host, a bad port, unencoded characters in the password, quotes or spaces — Go then ignores it or dials nonsense.',
  targets: EVERY_LAYER,
  references: [
    {
      title: 'docker/for-win#7935: proxyconnect tcp: dial tcp :0',
      url: 'https://github.com/docker/for-win/issues/7935',
    },
    {
      title: 'Docker docs: special characters in proxy values',
      url: 'https://docs.docker.com/engine/daemon/proxy/#systemd-unit-file',
    },
  ],
  check(state) {
    return distinctValues(state, ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'FTP_PROXY']).flatMap((d) => {
      const p = parseProxyUrl(d.value);
      const go = goProxyTarget(d.value);
      const mangled = go !== null && 'mangled' in go && go.mangled;
      if (p.ok && !mangled) return [];
      const goSays =
        go && 'error' in go
          ? ' Go rejects it and connects direct.'
          : mangled
            ? ` Go cannot parse it and dials ${go.dial} instead of the proxy.`
            : '';
      const problem = p.ok
        ? {
            message: 'Go reads the value differently from what it says',
            fix: 'percent-encode special characters',
          }
        : p.problem;
      return [
        {
          actor: d.layers[0]!.actor,
          message: `${d.names.join('/')}=${shown(d.value)}: ${problem.message}; ${problem.fix}.${goSays}`,
          msg: msg('proxy-url-invalid.invalid', {
            var: `${d.names.join('/')}=${shown(d.value)}`,
            code: p.ok ? 'mangled' : p.problem.code,
            message: problem.message,
            fix: problem.fix,
            go: go && 'error' in go ? 'rejects' : mangled ? 'mangled' : null,
            dial: mangled ? go.dial : null,
          }),
          evidence: d.origins,
        },
      ];
    });
  },
};
