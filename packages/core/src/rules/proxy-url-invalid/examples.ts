// proxy-url-invalid: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, dropIn, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'An unencoded # in the password',
    machine: variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn('http://alice:pa#ss@proxy.corp.example:3128') },
    }),
  },
  good: {
    title: 'Encoded as %23 (and %% for systemd)',
    machine: variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn('http://alice:pa%%23ss@proxy.corp.example:3128') },
    }),
  },
};
