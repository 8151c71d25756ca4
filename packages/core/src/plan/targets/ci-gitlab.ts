// ci-gitlab: GitLab CI: job variables that reach the job, the dind daemon and the build args.
// A snippet target: it prints text to copy and writes no file.

import type { Target } from '../../targets.js';
import { ok, type PlanContext, proxyVars, type TargetDefinition } from '../context.js';
import { SNIPPETS_ONLY } from '../declare.js';
import { yamlString } from '../encode.js';
import type { TargetResult } from '../types.js';

export function ciGitlab(ctx: PlanContext, target: Target): TargetResult {
  const vars = proxyVars(ctx.proxy);
  return ok(
    [],
    [],
    [
      {
        title: 'GitLab CI: variables reach the job, the dind daemon and build args',
        language: 'yaml',
        text: `variables:\n${vars.map(([k, v]) => `  ${k}: ${yamlString(v)}`).join('\n')}\nbuild:\n  image: docker:27\n  services:\n    - name: docker:27-dind\n  script:\n    - docker buildx build ${vars
          .slice(0, 3)
          .map(([k]) => `--build-arg ${k}`)
          .join(' ')} .`,
        target,
      },
    ],
  );
}

export const ciGitlabTarget: TargetDefinition<'ci-gitlab'> = {
  id: 'ci-gitlab',
  generate: ciGitlab,
  declares: SNIPPETS_ONLY,
};
