// daemon-json-flag-conflict: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DAEMON_JSON, PROXY, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'ExecStart has --http-proxy and daemon.json has http-proxy',
    machine: variant(GOOD_DAEMON_JSON, {
      docker: {
        engine: '26.1.5',
        daemon: 'down',
        execStart: ['/usr/bin/dockerd', '-H', 'fd://', `--http-proxy=${PROXY}`],
      },
    }),
  },
  good: { title: 'Only daemon.json', machine: GOOD_DAEMON_JSON },
};
