// config-file-invalid: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'A trailing comma in daemon.json',
    machine: variant(GOOD_DOCKER, {
      files: { '/etc/docker/daemon.json': '{\n  "log-level": "info",\n}\n' },
    }),
  },
  good: {
    title: 'Valid JSON',
    machine: variant(GOOD_DOCKER, {
      files: { '/etc/docker/daemon.json': '{\n  "log-level": "info"\n}\n' },
    }),
  },
};
