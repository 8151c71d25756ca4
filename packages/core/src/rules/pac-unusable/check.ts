import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { listBounded } from '../util.js';

export const pacUnusable: Rule = {
  id: 'pac-unusable',
  title: 'The PAC file could not be fetched or run',
  severity: 'warning',
  actor: 'client',
  summary:
    'The machine names a PAC file, but it could not be fetched (off the VPN, a 404, too large, not http) or its FindProxyForURL failed or returned something that is not a PAC answer, so the proxy it should give is unknown.',
  targets: ['client-shell'],
  references: [
    {
      title: 'MDN: Proxy Auto-Configuration (PAC) file',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Proxy_servers_and_tunneling/Proxy_Auto-Configuration_PAC_file',
    },
    {
      title: 'docker/for-mac#7695: Docker Desktop PAC evaluation rejects registries',
      url: 'https://github.com/docker/for-mac/issues/7695',
    },
  ],
  check(state) {
    const pac = state.platform.pac;
    if (!pac) return [];
    const evidence = [`PAC ${pac.url}`];
    if (pac.failure)
      return [
        {
          message: `The PAC file ${pac.url} (from ${pac.source}) was not used: ${pac.failure}`,
          msg: msg('pac-unusable.failed', { url: pac.url, source: pac.source, failure: pac.failureMsg }),
          evidence,
        },
      ];
    const bad = pac.hosts.filter((h) => h.problem !== null);
    if (bad.length === 0) return [];
    const shown = listBounded(
      bad.map((h) => `for ${h.host} it ${h.problem}`),
      '; ',
    );
    return [
      {
        message: `The PAC file ${pac.url} (from ${pac.source}) gave no usable answer: ${shown}`,
        msg: msg('pac-unusable.answers', {
          url: pac.url,
          source: pac.source,
          hosts: bad.map((h) => ({ host: h.host, problem: h.problemMsg })),
        }),
        evidence,
      },
    ];
  },
};
