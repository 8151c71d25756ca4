// sudo-env-reset: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, HOME } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'alice has HTTPS_PROXY in her shell; sudo reset it',
    machine: {
      home: HOME,
      env: { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost' },
      sudo: { user: 'alice', uid: 1000, env: 'recovered', dropped: ['HTTPS_PROXY', 'NO_PROXY'] },
      docker: { engine: '26.1.5' },
    },
  },
  good: { title: 'Run as alice herself (or with sudo -E)', machine: GOOD_DOCKER },
};
