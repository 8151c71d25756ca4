// proxy-auth-required: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import { connectOk, network } from '../../machines/network.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'An NTLM-only proxy',
    machine: variant(GOOD_DOCKER, {
      network: network({
        connect: () => ({
          ...connectOk(),
          result: 'auth',
          status: 407,
          schemes: ['Negotiate', 'NTLM'],
          excerpt: 'HTTP/1.1 407 Proxy Authentication Required\r\n',
        }),
      }),
    }),
  },
  good: {
    title: 'The proxy lets the actors through',
    machine: variant(GOOD_DOCKER, { network: network() }),
  },
};
