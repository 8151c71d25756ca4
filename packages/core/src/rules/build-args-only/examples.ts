// build-args-only: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'config.json proxies, but no drop-in for dockerd',
    machine: variant(GOOD_DOCKER, { removeFiles: [DROP_IN] }),
  },
  good: { title: 'Both the builder and RUN steps have the proxy', machine: GOOD_DOCKER },
};
