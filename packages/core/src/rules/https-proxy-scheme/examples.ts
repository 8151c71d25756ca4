// https-proxy-scheme: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, dropIn, GOOD_DOCKER, PROXY, shellEnv, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const TLS_PROXY = PROXY.replace('http://', 'https://');

export const examples: RuleExamples = {
  bad: {
    title: 'HTTPS_PROXY=https://…',
    machine: variant(GOOD_DOCKER, { env: shellEnv(TLS_PROXY), files: { [DROP_IN]: dropIn(TLS_PROXY) } }),
  },
  good: { title: 'http:// for both', machine: GOOD_DOCKER },
};
