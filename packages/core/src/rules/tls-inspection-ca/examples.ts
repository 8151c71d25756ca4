// tls-inspection-ca: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_CONTAINER, GOOD_DOCKER } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A CA given, and a docker-container builder without ca entries',
    machine: GOOD_CONTAINER,
    profile: { caCert: '/usr/local/share/ca-certificates/corp.crt', registries: ['registry.corp.example'] },
  },
  good: { title: 'No TLS inspection', machine: GOOD_DOCKER },
};
