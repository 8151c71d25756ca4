import { sentence } from '../sentences.js';
// ci-github-actions: a whole GitHub Actions job: the proxy from secrets for the client, the builder's driver-opts
// and the build args.
// A snippet target: it prints text to copy and writes no file.

import { csvField, yamlString } from '../../formats/encode.js';
import type { Target } from '../../targets.js';
import { ok, type PlanContext, type TargetDefinition } from '../context.js';
import { SNIPPETS_ONLY } from '../declare.js';
import type { TargetResult } from '../types.js';

// CI: the proxy URLs may carry a password, and committed YAML is readable by everyone with the repository, so they
// come from the CI's secret store (masked in job logs); NO_PROXY holds no secret and stays in the file.
const SECRET_NOTE =
  'the proxy URL may carry a password: keep it out of committed YAML. A secret/masked variable never shows in job logs.';

export function ciGithubActions(ctx: PlanContext, target: Target): TargetResult {
  const no = ctx.proxy.noProxy.join(',');
  const env: [string, string][] = [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    ['HTTP_PROXY', '${{ secrets.HTTP_PROXY }}'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    ['HTTPS_PROXY', '${{ secrets.HTTPS_PROXY }}'],
    ['NO_PROXY', no],
  ];
  const lower: [string, string][] = env.map(([k, v]) => [k.toLowerCase(), v]);
  const all = [...env, ...lower];
  const text = `# Repository secrets HTTP_PROXY and HTTPS_PROXY (Settings > Secrets and variables > Actions) hold the
# proxy URLs: ${SECRET_NOTE}
# The runner host's own dockerd pulls moby/buildkit for the builder: give it the proxy too
# (buildproxy plan --target docker-systemd on the runner).
name: build
on: push
jobs:
  build:
    runs-on: self-hosted
    env:
      # the client (registry tokens) and every step
${env.map(([k, v]) => `      ${k}: ${k === 'NO_PROXY' ? yamlString(v) : v}`).join('\n')}
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
        with:
          # the builder container: FROM, # syntax=, push
          driver-opts: |
${all.map(([k, v]) => `            ${csvField(`env.${k}=${v}`)}`).join('\n')}
      - uses: docker/build-push-action@v6
        with:
          context: .
          # RUN steps (proxy build args are not kept in the image history)
          build-args: |
${all.map(([k, v]) => `            ${k}=${v}`).join('\n')}`;
  return ok(
    [],
    [],
    [{ title: sentence('ci-github-actions.github-actions-whole-job'), language: 'yaml', text, target }],
  );
}

export const ciGithubActionsTarget: TargetDefinition<'ci-github-actions'> = {
  id: 'ci-github-actions',
  generate: ciGithubActions,
  declares: SNIPPETS_ONLY,
};
