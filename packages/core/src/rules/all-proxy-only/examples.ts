// all-proxy-only: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { CONFIG_JSON, DROP_IN, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A SOCKS proxy in ALL_PROXY only',
    machine: variant(GOOD_DOCKER, {
      removeFiles: [CONFIG_JSON],
      env: { ALL_PROXY: 'socks5://127.0.0.1:1080' },
      files: { [DROP_IN]: '[Service]\nEnvironment="ALL_PROXY=socks5://proxy.corp.example:1080"\n' },
    }),
  },
  good: { title: 'HTTPS_PROXY set', machine: GOOD_DOCKER },
};
