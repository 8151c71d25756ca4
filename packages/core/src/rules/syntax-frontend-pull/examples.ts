// syntax-frontend-pull: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { CONFIG_JSON, DOCKERFILE, DROP_IN, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: '# syntax= with a builder that has no proxy',
    machine: variant(GOOD_DOCKER, {
      removeFiles: [DROP_IN, CONFIG_JSON],
      dockerfile: `# syntax=docker/dockerfile:1\n${DOCKERFILE}`,
    }),
  },
  good: {
    title: 'The builder has the proxy',
    machine: variant(GOOD_DOCKER, { dockerfile: `# syntax=docker/dockerfile:1\n${DOCKERFILE}` }),
  },
};
