// podman-http-proxy-ignored: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_PODMAN } from '../../machines/engines.js';
import { HOME, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const USER_CONF = `${HOME}/.config/containers/containers.conf`;

export const examples: RuleExamples = {
  bad: {
    title: 'http_proxy = false in the user containers.conf, the shell exports a proxy',
    machine: variant(GOOD_PODMAN, { files: { [USER_CONF]: '[containers]\nhttp_proxy = false\n' } }),
  },
  good: { title: 'No http_proxy setting: RUN steps get the proxy, as intended', machine: GOOD_PODMAN },
};
