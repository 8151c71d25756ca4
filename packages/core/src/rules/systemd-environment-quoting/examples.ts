// systemd-environment-quoting: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, GOOD_DOCKER, NO_PROXY, PROXY, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'Two variables in one quoted string',
    machine: variant(GOOD_DOCKER, {
      files: {
        [DROP_IN]: `[Service]\nEnvironment="HTTP_PROXY=${PROXY} HTTPS_PROXY=${PROXY}"\nEnvironment="NO_PROXY=${NO_PROXY}"\n`,
      },
    }),
  },
  good: { title: 'One quoted assignment per line', machine: GOOD_DOCKER },
};
