// Example PAC results for rule examples and tests: what `doctor --network` records after running a corporate PAC
// file (test/fixtures/pac/corporate.pac) for docker.io's hosts.
import type { PacAnswer, PacEvidence } from '../evidence/pac.js';

export const PAC_URL = 'http://wpad.corp.example/proxy.pac';
export const PAC_PROXY = 'PROXY proxy.corp.example:8080; PROXY proxy2.corp.example:8080';
export const PAC_SOURCE = 'macOS network settings (scutil --proxy)';

/** FindProxyForURL's answers: host → the returned string (or an Error for a failure). */
export function pacEvidence(
  answers: Record<string, string | Error>,
  over: Partial<PacEvidence> = {},
): PacEvidence {
  const list: PacAnswer[] = Object.entries(answers).map(([host, a]) => ({
    host,
    url: `https://${host}/v2/`,
    answer: typeof a === 'string' ? a : null,
    error: typeof a === 'string' ? null : a.message,
  }));
  return {
    url: PAC_URL,
    source: PAC_SOURCE,
    fetch: { result: 'ok', status: 200, bytes: 1480, ms: 42 },
    error: null,
    answers: list,
    dns: {},
    myIp: '192.0.2.10',
    ...over,
  };
}

/** The corporate PAC's answers for docker.io's three hosts, an internal registry and a package mirror. */
export const CORPORATE_PAC = pacEvidence({
  'registry-1.docker.io': PAC_PROXY,
  'auth.docker.io': PAC_PROXY,
  'production.cloudflare.docker.com': PAC_PROXY,
  'deb.debian.org': `DIRECT; ${PAC_PROXY}`,
});
