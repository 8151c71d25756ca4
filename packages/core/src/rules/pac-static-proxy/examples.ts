// pac-static-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { HOME } from '../../machines/fixtures.js';
import { CORPORATE_PAC } from '../../machines/pac.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A corporate PAC file',
    machine: { home: HOME, docker: { engine: '28.2.2' }, pac: CORPORATE_PAC },
  },
  good: {
    title: 'No PAC file',
    machine: { home: HOME, docker: { engine: '28.2.2' } },
  },
};
