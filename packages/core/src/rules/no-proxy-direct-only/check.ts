import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import { connectOk, network } from '../../machines/network.js';
import { redactValue } from '../../proxy/redact.js';
import { directRoute, hostport, NETWORK_EVIDENCE, perActor, proxyRoutes } from '../network.js';
import type { FindingDraft, Rule } from '../types.js';

const FAILED = new Set([
  'forbidden',
  'bad-gateway',
  'status',
  'timeout',
  'closed',
  'reset',
  'not-proxy',
  'dns',
]);

export const noProxyDirectOnly: Rule = {
  id: 'no-proxy-direct-only',
  title: 'A needed host answers only directly, and is not in NO_PROXY',
  severity: 'error',
  actor: 'builder',
  summary:
    'An internal registry or mirror answers when dialled directly from this host, but the proxy cannot reach it; the actor sends it through the proxy because NO_PROXY does not name it.',
  targets: ['docker-systemd', 'docker-daemon-json', 'buildx-docker-container', 'client-shell'],
  examples: {
    bad: {
      title: 'registry.corp.example:5000 answers directly, the proxy says 502',
      machine: variant(GOOD_DOCKER, {
        network: network({
          extraHosts: [{ host: 'registry.internal.example', port: 5000, direct: 'ok' }],
          connect: (h) =>
            h === 'registry.internal.example'
              ? {
                  ...connectOk(),
                  result: 'bad-gateway',
                  status: 502,
                  excerpt: 'HTTP/1.1 502 Bad Gateway\r\n',
                }
              : connectOk(),
        }),
      }),
      profile: { registries: ['registry.internal.example:5000'] },
    },
    good: {
      title: 'Every needed host passes the proxy',
      machine: variant(GOOD_DOCKER, { network: network() }),
    },
  },
  references: [
    {
      title: 'docker/buildx#895: push to an internal registry goes through the proxy',
      url: 'https://github.com/docker/buildx/issues/895',
    },
  ],
  check(state) {
    const direct = directRoute(state);
    if (!direct) return [];
    const answersDirect = (host: string, port: number) =>
      direct.hosts.some((d) => d.host === host && d.port === port && d.connect.result === 'ok');
    const out: FindingDraft[] = [];
    const hits = perActor(
      proxyRoutes(state),
      (h) => FAILED.has(h.connect.result) && answersDirect(h.host, h.port),
    );
    for (const [actor, { route, hosts }] of hits) {
      out.push({
        actor,
        message: `${state.actors[actor].label}: ${hosts.map(hostport).join(', ')} answer${hosts.length === 1 ? 's' : ''} directly, but ${redactValue(route.proxy!)} cannot reach ${hosts.length === 1 ? 'it' : 'them'} (${hosts.map((h) => h.connect.status ?? h.connect.result).join(', ')}): add ${hosts.length === 1 ? 'it' : 'them'} to NO_PROXY (--registry or --no-proxy)`,
        evidence: [NETWORK_EVIDENCE],
      });
    }
    return out;
  },
};
