// pac-proxy-not-used: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, HOME } from '../../machines/fixtures.js';
import { CORPORATE_PAC } from '../../machines/pac.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A PAC-only system proxy; nothing else configured',
    machine: { home: HOME, docker: { engine: '28.2.2' }, pac: CORPORATE_PAC },
  },
  good: {
    title: 'Every actor has the proxy the PAC file names',
    machine: { ...GOOD_DOCKER, pac: CORPORATE_PAC },
  },
};
