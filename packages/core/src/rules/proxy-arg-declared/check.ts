import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';

export const proxyArgDeclared: Rule = {
  id: 'proxy-arg-declared',
  title: 'The Dockerfile declares a proxy ARG',
  severity: 'info',
  actor: 'run',
  summary:
    'Declaring ARG HTTP_PROXY is unnecessary and makes the proxy part of the build cache and image history.',
  targets: ['docker-cli-config', 'build-command'],
  references: [
    {
      title: 'Dockerfile reference: Predefined ARGs',
      url: 'https://docs.docker.com/reference/dockerfile/#predefined-args',
    },
  ],
  check(state) {
    const df = state.dockerfile;
    if (!df) return [];
    return df.argProxy.map((a) => ({
      message: `${df.path}:${a.line} declares ARG ${a.name}: the proxy enters the build cache and image history`,
      msg: msg('proxy-arg-declared.arg', { at: `${df.path}:${a.line}`, name: a.name }),
      evidence: [`${df.path}:${a.line}`],
    }));
  },
};
