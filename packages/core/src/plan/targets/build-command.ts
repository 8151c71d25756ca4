// build-command: the proxy as build args on the command line: docker buildx build, buildctl, compose, bake.
// A snippet target: it prints text to copy and writes no file.

import type { Target } from '../../targets.js';
import { ok, type PlanContext, proxyVars, type TargetDefinition } from '../context.js';
import { SNIPPETS_ONLY } from '../declare.js';
import { shQuote } from '../encode.js';
import type { PlanSnippet, TargetResult } from '../types.js';

export function buildCommand(ctx: PlanContext, target: Target): TargetResult {
  const args = proxyVars(ctx.proxy).slice(0, 3);
  const ba = args.map(([k, v]) => `--build-arg ${k}=${shQuote(v)}`).join(' \\\n  ');
  const snippets: PlanSnippet[] = [
    {
      title: 'docker build / docker buildx build',
      language: 'sh',
      text: `docker buildx build \\\n  ${ba} \\\n  .`,
      target,
    },
    {
      title: 'buildctl (the client needs the proxy too, for registry tokens)',
      language: 'sh',
      text: `HTTPS_PROXY=${shQuote(ctx.proxy.https)} NO_PROXY=${shQuote(ctx.proxy.noProxy.join(','))} \\\nbuildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=. \\\n  ${args
        .map(([k, v]) => `--opt build-arg:${k}=${shQuote(v)}`)
        .join(' \\\n  ')}`,
      target,
    },
    {
      title: 'docker compose',
      language: 'yaml',
      text: `services:\n  app:\n    build:\n      context: .\n      args:\n${args.map(([k]) => `        - ${k}`).join('\n')}`,
      target,
    },
    {
      title: 'docker buildx bake',
      language: 'hcl',
      text: `target "default" {\n  args = {\n${args.map(([k, v]) => `    ${k} = ${JSON.stringify(v)}`).join('\n')}\n  }\n}`,
      target,
    },
    {
      title: "A proxy on this host's 127.0.0.1: run RUN steps in the host network",
      language: 'sh',
      text: 'docker buildx build --network host .',
      target,
    },
  ];
  return ok([], [], snippets);
}

export const buildCommandTarget: TargetDefinition<'build-command'> = {
  id: 'build-command',
  generate: buildCommand,
  declares: SNIPPETS_ONLY,
};
