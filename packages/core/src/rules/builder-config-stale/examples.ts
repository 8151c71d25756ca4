// builder-config-stale: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A new drop-in, but no daemon-reload',
    machine: variant(GOOD_DOCKER, { docker: { engine: '26.1.5', loadedEnv: {} } }),
  },
  good: { title: 'Files, systemd and dockerd agree', machine: GOOD_DOCKER },
};
