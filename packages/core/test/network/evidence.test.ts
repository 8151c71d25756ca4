// The network part of a bundle: the zod schema accepts what the prober records and names a bad field; capture
// masking hides a proxy password and whatever a proxy echoed back.
import { describe, expect, it } from 'vitest';
import { maskEvidence } from '../../src/evidence/mask.js';
import type { NetworkEvidence } from '../../src/evidence/network.js';
import { parseEvidence } from '../../src/evidence/validate.js';
import { GOOD_DOCKER } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';

const NETWORK: NetworkEvidence = {
  timeoutMs: 3000,
  directTimeoutMs: 1500,
  routes: [
    {
      proxy: 'http://alice:s3cr3t@proxy.corp.example:3128',
      actors: ['runtime'],
      intended: false,
      credentials: true,
      dial: { result: 'ok', ms: 3 },
      hosts: [
        {
          host: 'registry-1.docker.io',
          port: 443,
          actors: ['runtime'],
          connect: {
            result: 'auth',
            status: 407,
            schemes: ['NTLM'],
            product: 'squid',
            excerpt:
              'HTTP/1.1 407 x\r\nX-Echo: Proxy-Authorization: Basic YWxpY2U6czNjcjN0\r\nX-Url: http://alice:s3cr3t@proxy.corp.example:3128\r\n\r\n',
            ms: 4,
          },
          tls: null,
        },
      ],
    },
  ],
};

describe('network evidence', () => {
  it('round-trips through the schema', () => {
    const ev = { ...synthesize(GOOD_DOCKER), network: NETWORK };
    expect(parseEvidence(JSON.parse(JSON.stringify(ev))).network).toEqual(NETWORK);
  });

  it('a wrong result value is named with its path', () => {
    const bad = structuredClone(NETWORK);
    (bad.routes[0]!.hosts[0]!.connect as { result: string }).result = 'maybe';
    expect(() => parseEvidence({ ...synthesize(GOOD_DOCKER), network: bad })).toThrow(
      /network\.routes\.0\.hosts\.0\.connect\.result/,
    );
  });

  it('masking hides the proxy password and a URL password a proxy echoed', () => {
    const out = JSON.stringify(maskEvidence({ ...synthesize(GOOD_DOCKER), network: NETWORK }).network);
    expect(out).not.toContain('s3cr3t');
    expect(out).not.toContain('YWxpY2U6czNjcjN0');
    expect(out).toContain('proxy.corp.example:3128');
  });
});
