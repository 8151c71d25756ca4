// pac-unusable: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { HOME } from '../../machines/fixtures.js';
import { CORPORATE_PAC, PAC_PROXY, pacEvidence } from '../../machines/pac.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'The PAC server is reachable only on the VPN',
    machine: {
      home: HOME,
      docker: { engine: '28.2.2' },
      pac: pacEvidence({}, { fetch: { result: 'timeout', status: null, bytes: 0, ms: 3000 } }),
    },
  },
  good: {
    title: 'The PAC file answers for every host',
    machine: {
      home: HOME,
      docker: { engine: '28.2.2' },
      pac: { ...CORPORATE_PAC, answers: CORPORATE_PAC.answers.map((a) => ({ ...a, answer: PAC_PROXY })) },
    },
  },
};
