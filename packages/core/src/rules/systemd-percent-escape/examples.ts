// systemd-percent-escape: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, dropIn, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'p%40ss in the drop-in',
    machine: variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn('http://alice:p%40ss@proxy.corp.example:3128') },
    }),
  },
  good: {
    title: 'p%%40ss in the drop-in',
    machine: variant(GOOD_DOCKER, {
      files: { [DROP_IN]: dropIn('http://alice:p%%40ss@proxy.corp.example:3128') },
    }),
  },
};
