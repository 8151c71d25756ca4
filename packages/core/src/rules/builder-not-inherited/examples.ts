// builder-not-inherited: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { containerBuilder, GOOD_CONTAINER, GOOD_DOCKER, shellEnv, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A builder created before the proxy was configured',
    machine: variant(GOOD_DOCKER, {
      env: { ...shellEnv(), BUILDX_BUILDER: 'ci' },
      docker: { engine: '26.1.5', builders: [containerBuilder('ci', null)], current: 'ci' },
    }),
  },
  good: { title: 'The builder was created with env.* driver options', machine: GOOD_CONTAINER },
};
