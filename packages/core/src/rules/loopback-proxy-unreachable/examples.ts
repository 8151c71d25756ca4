// loopback-proxy-unreachable: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import {
  CONFIG_JSON,
  configJson,
  DROP_IN,
  dropIn,
  GOOD_DOCKER,
  shellEnv,
  variant,
} from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const LOCAL = 'http://127.0.0.1:3128';

export const examples: RuleExamples = {
  bad: {
    title: 'A local cntlm on 127.0.0.1 used for RUN steps',
    machine: variant(GOOD_DOCKER, {
      env: shellEnv(LOCAL),
      files: { [DROP_IN]: dropIn(LOCAL), [CONFIG_JSON]: configJson(LOCAL) },
    }),
  },
  good: { title: 'The corporate proxy by name', machine: GOOD_DOCKER },
};
