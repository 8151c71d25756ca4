import { sentence } from '../sentences.js';
// kubernetes: BuildKit in Kubernetes: the proxy in the buildkitd pod env, as a Deployment patch and buildx driver opts.
// A snippet target: it prints text to copy and writes no file.

import { csvField, shQuote, yamlString } from '../../formats/encode.js';
import type { Target } from '../../targets.js';
import { ok, type PlanContext, proxyVars, type TargetDefinition } from '../context.js';
import { SNIPPETS_ONLY } from '../declare.js';
import type { PlanSnippet, TargetResult } from '../types.js';

export function kubernetes(ctx: PlanContext, target: Target): TargetResult {
  const vars = proxyVars({
    ...ctx.proxy,
    noProxy: [...new Set([...ctx.proxy.noProxy, '.svc', '.cluster.local'])],
  });
  const env = vars
    .map(([k, v]) => `            - name: ${k}\n              value: ${yamlString(v)}`)
    .join('\n');
  const snippets: PlanSnippet[] = [
    {
      title: sentence('kubernetes.buildkit-deployment-add-proxy'),
      language: 'yaml',
      text: `spec:\n  template:\n    spec:\n      containers:\n        - name: buildkitd\n          env:\n${env}`,
      target,
    },
    {
      title: sentence('kubernetes.apply-as-patch'),
      language: 'sh',
      text: `kubectl -n buildkit patch deployment buildkitd --patch-file buildkitd-proxy.yaml`,
      target,
    },
    {
      title: sentence('kubernetes.buildx-kubernetes-driver-buildx'),
      language: 'sh',
      text: [
        'docker buildx create --name k8s --driver kubernetes',
        ...vars.map(([k, v]) => `  --driver-opt ${shQuote(csvField(`env.${k}=${v}`))}`),
      ].join(' \\\n'),
      target,
    },
  ];
  return ok([], [], snippets);
}

export const kubernetesTarget: TargetDefinition<'kubernetes'> = {
  id: 'kubernetes',
  generate: kubernetes,
  declares: SNIPPETS_ONLY,
};
