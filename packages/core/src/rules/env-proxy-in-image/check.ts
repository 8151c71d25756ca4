import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const envProxyInImage: Rule = {
  id: 'env-proxy-in-image',
  title: 'The Dockerfile bakes the proxy into the image with ENV',
  severity: 'warning',
  actor: 'run',
  summary:
    'ENV HTTP_PROXY stores the proxy (and any password) in the image, where it breaks containers outside your network.',
  targets: ['docker-cli-config', 'build-command'],
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
      msg: msg('env-proxy-in-image.env', { at: `${df.path}:${e.line}`, name: e.name }),
      evidence: [`${df.path}:${e.line}`],
    }));
  },
};
