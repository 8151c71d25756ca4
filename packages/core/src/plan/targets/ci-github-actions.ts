// ci-github-actions: GitHub Actions: builder env through setup-buildx-action driver-opts, and build args.
// A snippet target: it prints text to copy and writes no file.

import type { Target } from '../../targets.js';
import { ok, type PlanContext, proxyVars, type TargetDefinition } from '../context.js';
import { SNIPPETS_ONLY } from '../declare.js';
import { csvField, yamlString } from '../encode.js';
import type { TargetResult } from '../types.js';

export function ciGithubActions(ctx: PlanContext, target: Target): TargetResult {
  const vars = proxyVars(ctx.proxy);
  return ok(
    [],
    [],
    [
      {
        title: 'GitHub Actions: builder env and build args',
        language: 'yaml',
        text: `env:\n${vars
          .slice(0, 3)
          .map(([k, v]) => `  ${k}: ${yamlString(v)}`)
          .join(
            '\n',
          )}\nsteps:\n  - uses: docker/setup-buildx-action@v3\n    with:\n      driver-opts: |\n${vars.map(([k, v]) => `        ${csvField(`env.${k}=${v}`)}`).join('\n')}\n  - uses: docker/build-push-action@v6\n    with:\n      build-args: |\n${vars
          .slice(0, 3)
          .map(([k, v]) => `        ${k}=${v}`)
          .join('\n')}`,
        target,
      },
    ],
  );
}

export const ciGithubActionsTarget: TargetDefinition<'ci-github-actions'> = {
  id: 'ci-github-actions',
  generate: ciGithubActions,
  declares: SNIPPETS_ONLY,
};
