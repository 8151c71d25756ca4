// daemon-unreachable: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'dockerd is stopped',
    machine: variant(GOOD_DOCKER, { docker: { engine: '26.1.5', daemon: 'down' } }),
  },
  good: { title: 'dockerd answers', machine: GOOD_DOCKER },
};
