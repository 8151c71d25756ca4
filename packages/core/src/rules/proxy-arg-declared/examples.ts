// proxy-arg-declared: a machine it fires on and one it does not — run as tests and shown in the docs; apart from the
// check, so that running the rules does not build them.
import { DOCKERFILE, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { RuleExamples } from '../types.js';

export const examples: RuleExamples = {
  bad: {
    title: 'ARG HTTP_PROXY',
    machine: variant(GOOD_DOCKER, {
      dockerfile: `FROM alpine:3.20\nARG HTTP_PROXY\nRUN apk add --no-cache curl\n`,
    }),
  },
  good: { title: 'No ARG needed', machine: variant(GOOD_DOCKER, { dockerfile: DOCKERFILE }) },
};
