import { sentence } from '../sentences.js';
// ci-gitlab: GitLab CI: job variables that reach the job, the dind daemon and the build args.
// A snippet target: it prints text to copy and writes no file.

import { yamlString } from '../../formats/encode.js';
import type { Target } from '../../targets.js';
import { ok, type PlanContext, type TargetDefinition } from '../context.js';
import { SNIPPETS_ONLY } from '../declare.js';
import type { TargetResult } from '../types.js';

// The proxy URLs may carry a password: they come from masked CI/CD variables, never committed YAML.
const SECRET_NOTE =
  'the proxy URL may carry a password: keep it out of committed YAML. A secret/masked variable never shows in job logs.';

export function ciGitlab(ctx: PlanContext, target: Target): TargetResult {
  // The job's CLI reaches the dind service as tcp://docker:2376; without `docker` in NO_PROXY it sends that through
  // the proxy and cannot connect.
  const no = [...new Set([...ctx.proxy.noProxy, 'docker'])].join(',');
  const text = `# Settings > CI/CD > Variables: HTTP_PROXY and HTTPS_PROXY, Masked and Protected. ${SECRET_NOTE}
# CI/CD variables reach the job container and the docker:dind service; NO_PROXY keeps \`docker\` (the dind host) direct.
variables:
  NO_PROXY: ${yamlString(no)}
  no_proxy: ${yamlString(no)}
build:
  image: docker:27
  services:
    - name: docker:27-dind
  before_script:
    - export http_proxy="$HTTP_PROXY" https_proxy="$HTTPS_PROXY"
  script:
    - docker buildx build ${['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy']
      .map((k) => `--build-arg ${k}`)
      .join(' ')} .`;
  return ok(
    [],
    [],
    [
      {
        title: sentence('ci-gitlab.gitlab-ci-variables-reach'),
        language: 'yaml',
        text,
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
