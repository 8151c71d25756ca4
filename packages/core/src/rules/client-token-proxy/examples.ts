// client-token-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, NO_PROXY, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'dockerd has the proxy, the shell does not',
    machine: variant(GOOD_DOCKER, { env: {} }),
    profile: { proxy: 'http://proxy.corp.example:3128', noProxy: NO_PROXY },
  },
  good: { title: 'The shell exports the proxy', machine: GOOD_DOCKER },
};
