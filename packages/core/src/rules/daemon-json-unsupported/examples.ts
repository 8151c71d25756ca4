// daemon-json-unsupported: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DAEMON_JSON, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'Debian 12 docker.io (20.10) with daemon.json proxies',
    machine: variant(GOOD_DAEMON_JSON, { docker: { engine: '20.10.24+dfsg1', daemon: 'down' } }),
  },
  good: { title: 'Engine 26 reads daemon.json proxies', machine: GOOD_DAEMON_JSON },
};
