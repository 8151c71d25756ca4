// proxy-forbids-host: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import { connectOk, network } from '../../machines/network.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'squid denies CONNECT to the blob CDN',
    machine: variant(GOOD_DOCKER, {
      network: network({
        connect: (h) =>
          h === 'production.cloudflare.docker.com'
            ? {
                ...connectOk(),
                result: 'forbidden',
                status: 403,
                product: 'squid',
                excerpt:
                  'HTTP/1.1 403 Forbidden\r\nServer: squid/6.13\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\n',
              }
            : connectOk(),
      }),
    }),
  },
  good: { title: 'Every needed host is allowed', machine: variant(GOOD_DOCKER, { network: network() }) },
};
