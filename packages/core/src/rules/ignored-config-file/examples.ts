// ignored-config-file: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, GOOD_DOCKER, PROXY, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'export lines in /etc/default/docker on docker-ce',
    machine: variant(GOOD_DOCKER, {
      removeFiles: [DROP_IN],
      files: { '/etc/default/docker': `export HTTP_PROXY="${PROXY}"\nexport HTTPS_PROXY="${PROXY}"\n` },
    }),
  },
  good: { title: 'A drop-in instead', machine: GOOD_DOCKER },
};
