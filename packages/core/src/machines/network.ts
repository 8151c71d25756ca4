// Example `doctor --network` results for rule examples and tests: one proxy route and the direct route, with the
// answers a corporate network gives.
import type {
  ConnectProbe,
  HostProbe,
  NetworkEvidence,
  NetworkRoute,
  TlsProbe,
} from '../evidence/network.js';
import { PROXY } from './fixtures.js';

export const ALL_ACTORS = ['client', 'runtime', 'builder', 'run'];

export function connectOk(): ConnectProbe {
  return {
    result: 'ok',
    status: 200,
    schemes: [],
    product: null,
    excerpt: 'HTTP/1.1 200 Connection established\r\n\r\n',
    ms: 12,
  };
}

export function trustedTls(): TlsProbe {
  return {
    result: 'trusted',
    error: null,
    issuer: 'C=US, O=Google Trust Services, CN=WR1',
    chain: [],
    caPem: null,
    hostTrusts: null,
    certsDTrusts: null,
    ms: 40,
  };
}

export function inspectedTls(trust: { host?: boolean; certsD?: boolean } = {}): TlsProbe {
  return {
    result: 'untrusted',
    error: 'SELF_SIGNED_CERT_IN_CHAIN',
    issuer: 'O=Corp, CN=Corp Inspection Root CA',
    chain: [
      {
        subject: 'CN=registry-1.docker.io',
        issuer: 'O=Corp, CN=Corp Inspection Root CA',
        fingerprint256: 'AA:01',
      },
    ],
    caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    hostTrusts: trust.host ?? false,
    certsDTrusts: trust.certsD ?? false,
    ms: 35,
  };
}

const HOSTS = ['registry-1.docker.io', 'auth.docker.io', 'production.cloudflare.docker.com'];

export interface NetworkSpec {
  proxy?: string;
  actors?: string[];
  dial?: NetworkRoute['dial'];
  /** the proxy's answer for each host (default 200) */
  connect?: (host: string) => ConnectProbe;
  tls?: (host: string) => TlsProbe | null;
  /** extra hosts (internal registries) and how they answer directly */
  extraHosts?: { host: string; port: number; direct: ConnectProbe['result'] }[];
  direct?: ConnectProbe['result'];
  credentials?: boolean;
}

/** A network with one proxy (used by `actors`) and the direct route. */
export function network(spec: NetworkSpec = {}): NetworkEvidence {
  const actors = spec.actors ?? ALL_ACTORS;
  const dial = spec.dial ?? { result: 'ok', ms: 2 };
  const hosts = [...HOSTS.map((h) => ({ host: h, port: 443 })), ...(spec.extraHosts ?? [])];
  const viaProxy: HostProbe[] = hosts.map((h) => {
    const connect =
      dial.result !== 'ok'
        ? {
            ...connectOk(),
            result: 'skipped' as const,
            status: null,
            excerpt: '',
            detail: 'the proxy itself could not be reached',
          }
        : (spec.connect?.(h.host) ?? connectOk());
    return {
      ...h,
      actors: [...actors],
      connect,
      tls: connect.result === 'ok' ? (spec.tls ? spec.tls(h.host) : trustedTls()) : null,
    };
  });
  const direct: HostProbe[] = hosts.map((h) => {
    const r = spec.extraHosts?.find((x) => x.host === h.host)?.direct ?? spec.direct ?? 'timeout';
    return {
      ...h,
      actors: [],
      connect: {
        result: r,
        status: null,
        schemes: [],
        product: null,
        excerpt: '',
        ms: r === 'ok' ? 3 : 1500,
      },
      tls: r === 'ok' ? trustedTls() : null,
    };
  });
  return {
    timeoutMs: 3000,
    directTimeoutMs: 1500,
    routes: [
      {
        proxy: spec.proxy ?? PROXY,
        actors: [...actors],
        intended: false,
        credentials: spec.credentials ?? false,
        dial,
        hosts: viaProxy,
      },
      { proxy: null, actors: [], intended: false, credentials: false, dial: null, hosts: direct },
    ],
  };
}
