// podman-compose-no-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_PODMAN } from '../../machines/engines.js';
import { variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'Building with podman-compose',
    machine: variant(GOOD_PODMAN, { commandLine: 'podman-compose build' }),
  },
  good: {
    title: 'Building with podman build',
    machine: variant(GOOD_PODMAN, { commandLine: 'podman build .' }),
  },
};
