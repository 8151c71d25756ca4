// no-proxy-missing-registry: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'registry.internal:5000 is not covered',
    machine: GOOD_DOCKER,
    profile: { registries: ['registry.internal:5000'] },
  },
  good: {
    title: 'registry.corp.example:5000 matches .corp.example',
    machine: GOOD_DOCKER,
    profile: { registries: ['registry.corp.example:5000'] },
  },
};
