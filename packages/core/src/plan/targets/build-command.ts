import { sentence } from '../sentences.js';
// build-command: the proxy as build args on the command line: docker buildx build, buildctl, compose, bake.
// A snippet target: it prints text to copy and writes no file.

import { canonicalName } from '../../analyze/layers.js';
import { proxyForRunSteps } from '../../analyze/run-proxy.js';
import { shQuote } from '../../formats/encode.js';
import type { Target } from '../../targets.js';
import { ok, type PlanContext, proxyVars, type TargetDefinition } from '../context.js';
import { SNIPPETS_ONLY } from '../declare.js';
import type { PlanSnippet, TargetResult } from '../types.js';

/** The user's buildctl command with its proxy build args replaced by ours (others kept, in order). */
function buildctlForm(ctx: PlanContext, args: [string, string][]): string {
  const c = ctx.state.buildCommand;
  const addr = c?.tool === 'buildctl' && c.addr ? ` --addr ${shQuote(c.addr)}` : '';
  const own = args.map(([k, v]) => `--opt build-arg:${k}=${shQuote(v)}`);
  if (c?.tool !== 'buildctl')
    return `buildctl${addr} build --frontend dockerfile.v0 --local context=. --local dockerfile=. \\\n  ${own.join(' \\\n  ')}`;
  const kept: string[] = [];
  const w = c.argv;
  const start = w.indexOf('build') + 1;
  for (let i = start; i < w.length; i++) {
    const a = w[i]!;
    const opt = a === '--opt' ? w[i + 1] : a.startsWith('--opt=') ? a.slice(6) : null;
    if (opt !== null && opt !== undefined) {
      if (a === '--opt') i++;
      const name = /^build-arg:([^=]*)/.exec(opt)?.[1];
      if (name && canonicalName(name)) continue; // ours replace it
      kept.push('--opt', shQuote(opt));
      continue;
    }
    if (a === '--build-arg') {
      i++; // buildctl has no --build-arg: drop it with its value
      continue;
    }
    kept.push(shQuote(a));
  }
  return `buildctl${addr} build ${kept.join(' ')} \\\n  ${own.join(' \\\n  ')}`;
}

/** A buildkitd started by hand (no systemd): start it again with the proxy in its environment. */
function buildkitdByHand(ctx: PlanContext): PlanSnippet | null {
  const b = ctx.state.buildctl;
  if (!b || b.systemd || b.address.kind === 'kube-pod') return null;
  const argv = b.tie?.process.argv ?? [
    'buildkitd',
    ...(b.source === 'default' ? [] : ['--addr', b.address.raw]),
  ];
  const env = proxyVars(ctx.proxy)
    .map(([k, v]) => `${k}=${shQuote(v)}`)
    .join(' ');
  return {
    title: sentence('build-command.buildkitd-started-without-systemd'),
    language: 'sh',
    text: `${b.tie ? `kill ${b.tie.process.pid}  # the buildkitd buildctl reaches\n` : ''}${env} \\\n  ${argv.map(shQuote).join(' ')}`,
    target: 'build-command',
  };
}

export function buildCommand(ctx: PlanContext, target: Target): TargetResult {
  const args = proxyVars(ctx.proxy).slice(0, 3);
  // docker build's RUN steps run in a container: a proxy on this host's loopback goes in at a reachable address
  // (the --network host snippet below keeps 127.0.0.1). buildctl's worker is the user's own: values as given.
  const runArgs = args.map(([k, v]): [string, string] => [
    k,
    k === 'NO_PROXY' ? v : proxyForRunSteps(ctx.state, v).value,
  ]);
  const ba = runArgs.map(([k, v]) => `--build-arg ${k}=${shQuote(v)}`).join(' \\\n  ');
  const buildctl: PlanSnippet = {
    title: sentence('build-command.buildctl-run-steps-get'),
    language: 'sh',
    text: `HTTPS_PROXY=${shQuote(ctx.proxy.https)} NO_PROXY=${shQuote(ctx.proxy.noProxy.join(','))} \\\n${buildctlForm(ctx, args)}`,
    target,
  };
  if (ctx.state.builderKind === 'buildkitd') {
    const byHand = buildkitdByHand(ctx);
    return ok([], [], byHand ? [{ ...byHand, target }, buildctl] : [buildctl]);
  }
  const snippets: PlanSnippet[] = [
    {
      title: sentence('build-command.docker-build-docker-buildx'),
      language: 'sh',
      text: `docker buildx build \\\n  ${ba} \\\n  .`,
      target,
    },
    buildctl,
    {
      title: sentence('build-command.docker-compose'),
      language: 'yaml',
      text: `services:\n  app:\n    build:\n      context: .\n      args:\n${args.map(([k]) => `        - ${k}`).join('\n')}`,
      target,
    },
    {
      title: sentence('build-command.docker-buildx-bake'),
      language: 'hcl',
      text: `target "default" {\n  args = {\n${runArgs.map(([k, v]) => `    ${k} = ${JSON.stringify(v)}`).join('\n')}\n  }\n}`,
      target,
    },
    {
      title: sentence('build-command.proxy-host-s-127'),
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
