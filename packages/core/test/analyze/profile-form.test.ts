// Profile ↔ form: one module maps them (issue #12, knot 6); the round trip holds the shapes together. The flags
// round trip, through the CLI's real parser, is packages/tui/test/profile-flags.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE_FORM, formFromInput, profileFromForm } from '../../src/analyze/profile-form.js';
import type { ProfileInput } from '../../src/analyze/types.js';
import { profileInputs } from '../fixtures/profile-inputs.js';

// the CA path as a form holds it: any text, a space included
const input = profileInputs(fc.constantFrom('/usr/local/share/ca-certificates/corp.crt', '/tmp/a b.pem'));

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
