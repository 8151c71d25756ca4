// proxy-network-bypass: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { containerBuilder, GOOD_CONTAINER, GOOD_DOCKER, shellEnv, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'proxyNetwork = true in the builder config',
    machine: variant(GOOD_DOCKER, {
      env: { ...shellEnv(), BUILDX_BUILDER: 'proxied' },
      docker: {
        engine: '26.1.5',
        builders: [
          containerBuilder('proxied', undefined, undefined, {
            config: 'proxyNetwork = true',
            buildkit: 'v0.31.1',
          }),
        ],
        current: 'proxied',
      },
    }),
  },
  good: { title: 'Default networking', machine: GOOD_CONTAINER },
};
