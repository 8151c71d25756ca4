import { msg } from '../../messages/ref.js';
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
        msg: msg('no-proxy-direct-only.direct', {
          actor: state.actors[actor].label,
          hosts: hosts.map(hostport),
          proxy: redactValue(route.proxy!),
          results: hosts.map((h) => String(h.connect.status ?? h.connect.result)),
        }),
        evidence: [NETWORK_EVIDENCE],
      });
    }
    return out;
  },
};
