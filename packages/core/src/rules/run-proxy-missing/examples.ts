// run-proxy-missing: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { CONFIG_JSON, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: { title: 'No config.json proxies', machine: variant(GOOD_DOCKER, { removeFiles: [CONFIG_JSON] }) },
  good: { title: 'config.json proxies.default', machine: GOOD_DOCKER },
};
