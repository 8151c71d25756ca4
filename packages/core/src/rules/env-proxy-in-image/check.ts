import { DOCKERFILE, GOOD_DOCKER, variant } from '../../machines/fixtures.js';
import type { Rule } from '../types.js';

export const envProxyInImage: Rule = {
  id: 'env-proxy-in-image',
  title: 'The Dockerfile bakes the proxy into the image with ENV',
  severity: 'warning',
  actor: 'run',
  summary:
    'ENV HTTP_PROXY stores the proxy (and any password) in the image, where it breaks containers outside your network.',
  targets: ['docker-cli-config', 'build-command'],
  examples: {
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
  },
  references: [
    {
      title: 'Docker docs: proxy as environment variable for builds',
      url: 'https://docs.docker.com/engine/cli/proxy/#set-proxy-using-the-cli',
    },
  ],
  check(state) {
    const df = state.dockerfile;
    if (!df) return [];
    return df.envProxy.map((e) => ({
      message: `${df.path}:${e.line} sets ${e.name} with ENV: the proxy is stored in the image`,
      evidence: [`${df.path}:${e.line}`],
    }));
  },
};
