// no-proxy-direct-only: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import { connectOk, network } from '../../machines/network.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'registry.corp.example:5000 answers directly, the proxy says 502',
    machine: variant(GOOD_DOCKER, {
      network: network({
        extraHosts: [{ host: 'registry.internal.example', port: 5000, direct: 'ok' }],
        connect: (h) =>
          h === 'registry.internal.example'
            ? {
                ...connectOk(),
                result: 'bad-gateway',
                status: 502,
                excerpt: 'HTTP/1.1 502 Bad Gateway\r\n',
              }
            : connectOk(),
      }),
    }),
    profile: { registries: ['registry.internal.example:5000'] },
  },
  good: {
    title: 'Every needed host passes the proxy',
    machine: variant(GOOD_DOCKER, { network: network() }),
  },
};
