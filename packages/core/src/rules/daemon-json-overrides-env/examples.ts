// daemon-json-overrides-env: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DROP_IN, dropIn, GOOD_DAEMON_JSON, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'Both set, with different proxies',
    machine: variant(GOOD_DAEMON_JSON, {
      files: { [DROP_IN]: dropIn('http://old-proxy.corp.example:8080') },
    }),
  },
  good: { title: 'Only daemon.json sets the proxy', machine: GOOD_DAEMON_JSON },
};
