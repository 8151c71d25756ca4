// proxy-unknown: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, HOME } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'No proxy in any layer, none given',
    machine: { home: HOME, env: {}, files: {}, docker: { engine: '26.1.5' } },
  },
  good: { title: 'The proxy is configured (or given with --proxy)', machine: GOOD_DOCKER },
};
