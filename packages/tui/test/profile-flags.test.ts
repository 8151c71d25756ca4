// ProfileInput → flags (profileFlags, what the docs print beside an example) → the CLI's own parser and
// profileFromFlags → the same ProfileInput, every field: describe once forgot --mirror and --proxy-on-host (#12).
import { fileURLToPath } from 'node:url';
import { profileFlags } from '@buildproxy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileInputs } from '../../core/test/fixtures/profile-inputs.js';
import { PROFILE, parse } from '../src/args.js';
import { profileFromFlags } from '../src/profile-flags.js';

// --ca-cert must name a readable file: this one.
const input = profileInputs(fc.constant(fileURLToPath(import.meta.url)));

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
