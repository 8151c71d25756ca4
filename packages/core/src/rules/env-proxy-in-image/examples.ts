// env-proxy-in-image: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DOCKERFILE, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'ENV http_proxy in the Dockerfile',
    machine: variant(GOOD_DOCKER, {
      dockerfile: `FROM alpine:3.20\nENV http_proxy=http://proxy.corp.example:3128\nRUN apk add --no-cache curl\n`,
    }),
  },
  good: {
    title: 'No ENV; config.json supplies build args',
    machine: variant(GOOD_DOCKER, { dockerfile: DOCKERFILE }),
  },
};
