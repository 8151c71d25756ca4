import { msg } from '../../messages/ref.js';
import { describeSteps, fallbackNote } from '../../pac/answer.js';
import type { Rule } from '../types.js';
import { listBounded } from '../util.js';

export const pacStaticProxy: Rule = {
  id: 'pac-static-proxy',
  title: 'What the PAC file says, as the static proxy Go tools need',
  severity: 'info',
  actor: 'client',
  summary:
    'The PAC file was run for the hosts a build needs; this is its answer for each, and the one HTTPS_PROXY/HTTP_PROXY and NO_PROXY that reproduce it for the docker CLI, dockerd, BuildKit and RUN steps.',
  targets: ['client-shell'],
  references: [
    {
      title: 'MDN: Proxy Auto-Configuration (PAC) file',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Proxy_servers_and_tunneling/Proxy_Auto-Configuration_PAC_file',
    },
    {
      title: 'Go net/http ProxyFromEnvironment: environment variables only',
      url: 'https://pkg.go.dev/net/http#ProxyFromEnvironment',
    },
  ],
  check(state) {
    const pac = state.platform.pac;
    if (!pac || pac.failure) return [];
    const usable = pac.hosts.filter((h) => h.problem === null);
    if (usable.length === 0) return [];
    // group hosts by answer: "PROXY a:1 for x, y; DIRECT for z"
    const groups = new Map<string, string[]>();
    for (const h of usable)
      groups.set(describeSteps(h.steps), [...(groups.get(describeSteps(h.steps)) ?? []), h.host]);
    const says = [...groups].map(([answer, hosts]) => `"${answer}" for ${listBounded(hosts)}`).join('; ');
    const s = pac.static;
    const parts = s.proxy
      ? [
          `HTTPS_PROXY=${s.proxy} HTTP_PROXY=${s.proxy}`,
          s.noProxy.length ? `NO_PROXY=${s.noProxy.join(',')}` : '',
        ]
      : ['no proxy at all: these hosts go direct'];
    const notes = [
      ...new Set(usable.map((h) => fallbackNote(h.steps)).filter((n): n is string => n !== null)),
    ];
    const other = s.otherProxy.length
      ? ` It sends ${s.otherProxy.map((o) => `${o.host} through ${o.proxy}`).join(', ')}: one static proxy cannot do that, so give those hosts' tools their own setting.`
      : '';
    const socks4 = s.unusable.length
      ? ` Go cannot use SOCKS4, the first choice for ${s.unusable.join(', ')}.`
      : '';
    return [
      {
        message: `The PAC file ${pac.url} (from ${pac.source}) says: ${says}. Go tools cannot read PAC files; the static equivalent is ${parts.filter(Boolean).join(' ')}.${other}${socks4}${notes.length ? ` Note: ${notes.join('; ')}.` : ''}`,
        msg: msg('pac-static-proxy.static', {
          url: pac.url,
          source: pac.source,
          says: [...groups].map(([answer, hosts]) => ({ answer, hosts })),
          proxy: s.proxy,
          noProxy: s.noProxy,
          other: s.otherProxy.map((o) => ({ host: o.host, proxy: o.proxy })),
          unusable: s.unusable,
          notes: [
            ...new Map(
              usable
                .filter((h) => h.steps.length >= 2)
                .map((h) => [
                  describeSteps(h.steps),
                  msg(h.steps[0]!.kind === 'DIRECT' ? 'pac.fallback-direct' : 'pac.fallback-first', {
                    answer: describeSteps(h.steps),
                  }),
                ]),
            ).values(),
          ],
        }),
        evidence: [`PAC ${pac.url}`],
      },
    ];
  },
};
