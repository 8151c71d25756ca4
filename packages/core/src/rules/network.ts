// What the network rules share: walking `doctor --network` results per actor, and naming what was seen.
import type { Actor, State } from '../analyze/types.js';
import type { DialResult, HostProbe, NetworkRoute } from '../evidence/network.js';
import { DIAL_EN } from '../messages/en.js';

export const NETWORK_EVIDENCE = 'buildproxy doctor --network';

/**
 * Rules that read what the network answered, not configuration: a plan cannot change a measurement, so its
 * re-analysis keeps them, and only a new `doctor --network` (or verify) shows them gone.
 */
export const MEASURED_RULES: ReadonlySet<string> = new Set([
  'proxy-unreachable',
  'proxy-auth-required',
  'proxy-forbids-host',
  'tls-inspection-untrusted',
  'no-proxy-direct-only',
]);

const ACTOR_SET = new Set<string>(['client', 'runtime', 'builder', 'run']);

export function asActors(list: string[]): Actor[] {
  return list.filter((a): a is Actor => ACTOR_SET.has(a));
}

export function proxyRoutes(state: State): NetworkRoute[] {
  return state.network?.routes.filter((r) => r.proxy !== null) ?? [];
}

export function directRoute(state: State): NetworkRoute | null {
  return state.network?.routes.find((r) => r.proxy === null) ?? null;
}

export function hostport(h: HostProbe): string {
  const host = h.host.includes(':') ? `[${h.host}]` : h.host;
  return h.port === 443 ? host : `${host}:${h.port}`;
}

export function dialText(r: DialResult): string {
  return DIAL_EN[r];
}

/** For each actor, the first host probe of theirs that matches: one finding per actor, not per host. */
export function perActor(
  routes: NetworkRoute[],
  match: (h: HostProbe, r: NetworkRoute) => boolean,
): Map<Actor, { route: NetworkRoute; host: HostProbe; hosts: HostProbe[] }> {
  const out = new Map<Actor, { route: NetworkRoute; host: HostProbe; hosts: HostProbe[] }>();
  for (const r of routes) {
    for (const h of r.hosts) {
      if (!match(h, r)) continue;
      for (const a of asActors(h.actors)) {
        const seen = out.get(a);
        if (seen) {
          if (!seen.hosts.includes(h)) seen.hosts.push(h);
        } else out.set(a, { route: r, host: h, hosts: [h] });
      }
    }
  }
  return out;
}
