// Profile ↔ form: one module maps them (issue #12, knot 6); the round trip holds the shapes together. The flags
// round trip, through the CLI's real parser, is packages/tui/test/profile-flags.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE_FORM, formFromInput, profileFromForm } from '../../src/analyze/profile-form.js';
import type { ProfileInput } from '../../src/analyze/types.js';

const url = fc.constantFrom(
  'http://proxy.corp:3128',
  'http://alice:p%40ss@proxy.corp:8080',
  'https://secure.corp:443',
  'socks5://127.0.0.1:1080',
  'http://[::1]:3128',
);
const host = fc.constantFrom('registry.corp', 'registry.corp:5000', 'mirror.corp:443', '10.0.0.5:5000');
const input: fc.Arbitrary<ProfileInput> = fc.record(
  {
    proxy: url,
    httpProxy: url,
    httpsProxy: url,
    noProxy: fc.constantFrom('localhost,127.0.0.1', '.corp,10.0.0.0/8', '*'),
    registries: fc.uniqueArray(host, { minLength: 1, maxLength: 3 }),
    mirrors: fc.uniqueArray(host, { minLength: 1, maxLength: 2 }),
    caCert: fc.constantFrom('/usr/local/share/ca-certificates/corp.crt', '/tmp/a b.pem'),
    proxyOnHost: fc.constant(true),
  },
  { requiredKeys: [] },
);

/** What a profile means once resolved: HTTP and HTTPS each fall back to the other (resolveProfile's rule). */
function meaning(p: ProfileInput) {
  const http = p.httpProxy ?? p.proxy ?? p.httpsProxy;
  const https = p.httpsProxy ?? p.proxy ?? p.httpProxy;
  return {
    http,
    https,
    noProxy: p.noProxy,
    registries: p.registries ?? [],
    mirrors: p.mirrors ?? [],
    caCert: p.caCert,
    proxyOnHost: p.proxyOnHost ?? false,
  };
}

describe('profile ↔ form', () => {
  it('input → form → input means the same profile', () => {
    fc.assert(
      fc.property(input, (p) => {
        const back = profileFromForm({ ...EMPTY_PROFILE_FORM, ...formFromInput(p) });
        expect(meaning(back)).toEqual(meaning(p));
      }),
      { numRuns: 500 },
    );
  });

  it('a form typed with spaces and commas gives the same lists', () => {
    const f = {
      ...EMPTY_PROFILE_FORM,
      proxy: 'http://p:1',
      registries: ' a.corp, b.corp:5000\tc.corp ',
      mirrors: 'm.corp,,',
    };
    expect(profileFromForm(f)).toEqual({
      proxy: 'http://p:1',
      registries: ['a.corp', 'b.corp:5000', 'c.corp'],
      mirrors: ['m.corp'],
    });
  });
});
