// git-context-proxy: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

const GIT_DOCKERFILE = 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.17.0 /src\n';

export const examples: RuleExamples = {
  bad: {
    title: 'ADD from git on Engine 26 (BuildKit 0.13)',
    machine: variant(GOOD_DOCKER, {
      dockerfile: GIT_DOCKERFILE,
      docker: { engine: '26.1.5', buildkitVersion: 'v0.13.2' },
    }),
  },
  good: {
    title: 'Engine 28 (BuildKit 0.20)',
    machine: variant(GOOD_DOCKER, {
      dockerfile: GIT_DOCKERFILE,
      docker: { engine: '28.0.1', buildkitVersion: 'v0.20.0' },
    }),
  },
};
