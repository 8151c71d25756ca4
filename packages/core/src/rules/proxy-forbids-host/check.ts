import { msg } from '../../messages/ref.js';
import { redactValue } from '../../proxy/redact.js';
import { hostport, NETWORK_EVIDENCE, perActor, proxyRoutes } from '../network.js';
import type { FindingDraft, Rule } from '../types.js';

export const proxyForbidsHost: Rule = {
  id: 'proxy-forbids-host',
  title: 'The proxy refuses a host the build needs',
  severity: 'error',
  actor: 'builder',
  summary:
    'The proxy answered CONNECT to a needed host (the registry, its token service or blob CDN, an internal registry) with a policy answer: 403, or 502/503/504 from its block page.',
  targets: [],
  references: [
    {
      title: 'Docker docs: Docker Hub domains to allow',
      url: 'https://docs.docker.com/desktop/setup/allow-list/',
    },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    const policy = new Set(['forbidden', 'bad-gateway', 'status']);
    for (const [actor, { route, hosts }] of perActor(proxyRoutes(state), (h) =>
      policy.has(h.connect.result),
    )) {
      const each = hosts
        .map(
          (h) =>
            `${hostport(h)} (${h.connect.status ?? '?'}${h.connect.product ? ` from ${h.connect.product}` : ''})`,
        )
        .join(', ');
      out.push({
        actor,
        message: `${state.actors[actor].label}: ${redactValue(route.proxy!)} refuses CONNECT to ${each}`,
        msg: msg('proxy-forbids-host.refuses', {
          actor: state.actors[actor].label,
          proxy: redactValue(route.proxy!),
          hosts: hosts.map((h) => ({
            host: hostport(h),
            status: String(h.connect.status ?? '?'),
            product: h.connect.product ? h.connect.product : null,
          })),
        }),
        evidence: [NETWORK_EVIDENCE],
      });
    }
    return out;
  },
};
