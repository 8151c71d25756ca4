// NO_PROXY as buildproxy writes it: loopback, the user's entries, internal registries, daemon and builder
// endpoints, normalised for Go and checked with the same matcher the daemons use.
import type { Profile, State } from '../analyze/types.js';
import { goBypass } from '../proxy/no-proxy-go.js';
import { registryHostport } from '../proxy/registry.js';

export const PUBLIC_REGISTRY_HOSTS = [
  'registry-1.docker.io:443',
  'auth.docker.io:443',
  'production.cloudflare.docker.com:443',
  'ghcr.io:443',
  'quay.io:443',
];

function normaliseEntry(raw: string): string | null {
  let e = raw
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  e = e.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/$/, '');
  if (e === '') return null;
  if (e.startsWith('*.')) e = e.slice(1);
  if (/\s/.test(e)) return null;
  return e;
}

function endpointHost(endpoint: string | null | undefined): string | null {
  const m = /^(?:tcp|https?|ssh):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(endpoint ?? '');
  if (!m) return null;
  return m[1]!.replace(/^\[|\]$/g, '');
}

const PROXY_FAILED = new Set([
  'forbidden',
  'bad-gateway',
  'status',
  'timeout',
  'closed',
  'reset',
  'not-proxy',
  'dns',
]);

/** Hosts doctor --network saw answer directly while a proxy could not reach them (rule no-proxy-direct-only). */
export function directOnlyHosts(state: State): string[] {
  const routes = state.network?.routes ?? [];
  const direct = routes.find((r) => r.proxy === null);
  const out: string[] = [];
  for (const r of routes) {
    if (r.proxy === null) continue;
    for (const h of r.hosts) {
      if (!PROXY_FAILED.has(h.connect.result)) continue;
      if (!direct?.hosts.some((d) => d.host === h.host && d.port === h.port && d.connect.result === 'ok'))
        continue;
      const e = h.port === 443 ? h.host : `${h.host.includes(':') ? `[${h.host}]` : h.host}:${h.port}`;
      if (!PUBLIC_REGISTRY_HOSTS.includes(`${h.host}:${h.port}`) && !out.includes(e)) out.push(e);
    }
  }
  return out;
}

export interface NoProxyOptions {
  kubernetes?: boolean;
}

export function generateNoProxy(state: State, profile: Profile, opts: NoProxyOptions = {}): string[] {
  const out: string[] = [];
  const add = (e: string | null) => {
    const n = e === null ? null : normaliseEntry(e);
    if (n && !out.includes(n)) out.push(n);
  };
  for (const e of ['localhost', '127.0.0.1', '::1']) add(e);
  for (const e of profile.noProxy) for (const part of e.split(/[,;\s]+/)) add(part);
  for (const r of [...profile.registries, ...profile.mirrors]) add(r);
  add(endpointHost(state.client.DOCKER_HOST));
  for (const h of directOnlyHosts(state)) add(h);
  for (const b of state.builders) for (const n of b.nodes) add(endpointHost(n.endpoint));
  if (opts.kubernetes) {
    add('.svc');
    add('.cluster.local');
  }
  return out;
}

/** Internal hosts that must bypass the proxy, public registries that must not. */
export function checkNoProxy(list: string[], profile: Profile): string[] {
  const value = list.join(',');
  const problems: string[] = [];
  for (const r of profile.registries) {
    if (!goBypass(value, registryHostport(r)).bypass) problems.push(`${r} would still go through the proxy`);
  }
  for (const h of PUBLIC_REGISTRY_HOSTS) {
    if (goBypass(value, h).bypass) problems.push(`${h.replace(/:443$/, '')} would bypass the proxy`);
  }
  return problems;
}
