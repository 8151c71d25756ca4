// builder-proxy-missing: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { CONFIG_JSON, DROP_IN, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'The shell has the proxy; dockerd has none',
    machine: variant(GOOD_DOCKER, { removeFiles: [DROP_IN, CONFIG_JSON] }),
  },
  good: { title: 'A drop-in gives dockerd the proxy', machine: GOOD_DOCKER },
};
