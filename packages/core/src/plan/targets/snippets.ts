// Targets that produce text to copy: kubernetes, build-command, ci-github-actions, ci-gitlab.
import { ok, type PlanContext, proxyVars } from '../context.js';
import { csvField, shQuote, yamlString } from '../encode.js';
import type { PlanSnippet, TargetResult } from '../types.js';

export function kubernetes(ctx: PlanContext, target: string): TargetResult {
  const vars = proxyVars({
    ...ctx.proxy,
    noProxy: [...new Set([...ctx.proxy.noProxy, '.svc', '.cluster.local'])],
  });
  const env = vars
    .map(([k, v]) => `            - name: ${k}\n              value: ${yamlString(v)}`)
    .join('\n');
  const snippets: PlanSnippet[] = [
    {
      title: 'BuildKit Deployment: add the proxy to the buildkitd container',
      language: 'yaml',
      text: `spec:\n  template:\n    spec:\n      containers:\n        - name: buildkitd\n          env:\n${env}`,
      target,
    },
    {
      title: 'Apply it as a patch',
      language: 'sh',
      text: `kubectl -n buildkit patch deployment buildkitd --patch-file buildkitd-proxy.yaml`,
      target,
    },
    {
      title: 'buildx kubernetes driver (buildx ≥ 0.28 passes env.* to the pod)',
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

export function buildCommand(ctx: PlanContext, target: string): TargetResult {
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

export function ciGithubActions(ctx: PlanContext, target: string): TargetResult {
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

export function ciGitlab(ctx: PlanContext, target: string): TargetResult {
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
