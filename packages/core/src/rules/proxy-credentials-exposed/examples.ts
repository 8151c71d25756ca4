// proxy-credentials-exposed: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { CONFIG_JSON, configJson, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const WITH_PASSWORD = 'http://alice:s3cret@proxy.corp.example:3128';

export const examples: RuleExamples = {
  bad: {
    title: 'A password in config.json proxies',
    machine: variant(GOOD_DOCKER, { files: { [CONFIG_JSON]: configJson(WITH_PASSWORD) } }),
  },
  good: { title: 'No credentials in the proxy URL', machine: GOOD_DOCKER },
};
