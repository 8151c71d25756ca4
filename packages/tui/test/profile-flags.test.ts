// ProfileInput → flags (profileFlags, what the docs print beside an example) → the CLI's own parser and
// profileFromFlags → the same ProfileInput, every field: describe once forgot --mirror and --proxy-on-host (#12).
import { fileURLToPath } from 'node:url';
import { type ProfileInput, profileFlags } from '@buildproxy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE, parse } from '../src/args.js';
import { profileFromFlags } from '../src/profile-flags.js';

const url = fc.constantFrom(
  'http://proxy.corp:3128',
  'http://alice:p%40ss@proxy.corp:8080',
  'https://secure.corp:443',
  'socks5://127.0.0.1:1080',
);
const host = fc.constantFrom('registry.corp', 'registry.corp:5000', 'mirror.corp:443', '10.0.0.5:5000');
// --ca-cert must name a readable file: this one.
const input: fc.Arbitrary<ProfileInput> = fc.record(
  {
    proxy: url,
    httpProxy: url,
    httpsProxy: url,
    noProxy: fc.constantFrom('localhost,127.0.0.1', '.corp,10.0.0.0/8', '*'),
    registries: fc.uniqueArray(host, { minLength: 1, maxLength: 3 }),
    mirrors: fc.uniqueArray(host, { minLength: 1, maxLength: 2 }),
    caCert: fc.constant(fileURLToPath(import.meta.url)),
    proxyOnHost: fc.constant(true),
  },
  { requiredKeys: [] },
);

describe('profile → flags → profile', () => {
  it('every field survives the CLI parser', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (p) => {
        const { values } = parse('plan', profileFlags(p), PROFILE);
        expect(await profileFromFlags(values)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });
});
