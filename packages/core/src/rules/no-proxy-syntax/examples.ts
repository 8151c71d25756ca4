// no-proxy-syntax: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, dropIn, GOOD_DOCKER, PROXY, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A space-separated list',
    machine: variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn(PROXY, 'localhost 127.0.0.1 .corp.example') },
    }),
  },
  good: { title: 'Comma-separated', machine: GOOD_DOCKER },
};
