// proxy-case-mismatch: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, GOOD_DOCKER, NO_PROXY, PROXY, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'no_proxy lags behind NO_PROXY',
    machine: variant(GOOD_DOCKER, {
      files: {
        [DROP_IN]: `[Service]\nEnvironment="HTTP_PROXY=${PROXY}" "HTTPS_PROXY=${PROXY}"\nEnvironment="NO_PROXY=${NO_PROXY},registry.internal" "no_proxy=${NO_PROXY}"\n`,
      },
    }),
  },
  good: { title: 'Both cases identical', machine: GOOD_DOCKER },
};
