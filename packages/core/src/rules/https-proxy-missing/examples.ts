// https-proxy-missing: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import {
  CONFIG_JSON,
  configJson,
  DROP_IN,
  GOOD_DOCKER,
  NO_PROXY,
  PROXY,
  variant,
} from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const httpOnlyDropIn = `[Service]\nEnvironment="HTTP_PROXY=${PROXY}"\nEnvironment="NO_PROXY=${NO_PROXY}"\n`;

export const examples: RuleExamples = {
  bad: {
    title: 'Only HTTP_PROXY in the drop-in',
    machine: variant(GOOD_DOCKER, { files: { [DROP_IN]: httpOnlyDropIn, [CONFIG_JSON]: configJson() } }),
  },
  good: { title: 'Both variables', machine: GOOD_DOCKER },
};
