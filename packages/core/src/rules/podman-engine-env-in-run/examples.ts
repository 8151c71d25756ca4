// podman-engine-env-in-run: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_PODMAN } from '../../machines/engines.js';
import { HOME, PROXY, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const USER_CONF = `${HOME}/.config/containers/containers.conf`;

export const examples: RuleExamples = {
  bad: {
    title: '[engine] env holds the proxy; the shell sets a different http_proxy',
    machine: variant(GOOD_PODMAN, {
      env: { ...GOOD_PODMAN.env, http_proxy: 'http://old-proxy.corp.example:8080' },
      files: {
        [USER_CONF]: `[engine]\nenv = ["HTTP_PROXY=${PROXY}", "HTTPS_PROXY=${PROXY}", "http_proxy=${PROXY}", "https_proxy=${PROXY}"]\n`,
      },
    }),
  },
  good: { title: 'The proxy only in the shell', machine: GOOD_PODMAN },
};
