// file-unreadable: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, dropIn, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const ENV_FILE = DROP_IN.replace('.conf', '.env');

const withEnvFile = variant(GOOD_DOCKER, {
  files: {
    [DROP_IN]: '[Service]\nEnvironmentFile=/etc/systemd/system/docker.service.d/http-proxy.env\n',
    [ENV_FILE]: dropIn()
      .replace(/Environment="|"/g, '')
      .replace('[Service]\n', ''),
  },
});

export const examples: RuleExamples = {
  bad: {
    title: 'The credentials file is 0600 and the doctor runs as a user',
    machine: { ...withEnvFile, unreadable: [ENV_FILE] },
  },
  good: { title: 'Run as root', machine: withEnvFile },
};
