// docker-build-vs-buildx-build: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { containerBuilder, GOOD_CONTAINER, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'buildx use picked a builder without a proxy',
    machine: variant(GOOD_DOCKER, {
      docker: { engine: '26.1.5', builders: [containerBuilder('fast', null)], current: 'fast' },
    }),
  },
  good: { title: 'BUILDX_BUILDER makes both commands use the proxied builder', machine: GOOD_CONTAINER },
};
