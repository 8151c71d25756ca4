// tls-inspection-untrusted: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_CONTAINER, variant } from '../../machines/fixtures.js';
import { inspectedTls, network } from '../../machines/network.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'Inspection, the host trusts the CA, the docker-container builder does not',
    machine: variant(GOOD_CONTAINER, { network: network({ tls: () => inspectedTls({ host: true }) }) }),
  },
  good: { title: 'No inspection', machine: variant(GOOD_CONTAINER, { network: network() }) },
};
