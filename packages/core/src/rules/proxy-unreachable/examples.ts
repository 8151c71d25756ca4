// proxy-unreachable: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import { network } from '../../machines/network.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'Every actor points at a proxy port nothing listens on',
    machine: variant(GOOD_DOCKER, {
      network: network({ dial: { result: 'refused', ms: 1, detail: 'ECONNREFUSED' } }),
    }),
  },
  good: { title: 'The proxy answers', machine: variant(GOOD_DOCKER, { network: network() }) },
};
