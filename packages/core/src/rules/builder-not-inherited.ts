import { containerBuilder, GOOD_CONTAINER, GOOD_DOCKER, shellEnv, variant } from './fixtures.js';
import type { Rule } from './types.js';
import {
  builderEvidence,
  builderLabel,
  builderMissingProxy,
  joinCommands,
  runtimeHasProxy,
  usedBuilders,
} from './util.js';

export const builderNotInherited: Rule = {
  id: 'builder-not-inherited',
  title: 'The docker-container builder did not inherit the daemon proxy',
  severity: 'error',
  actor: 'builder',
  summary:
    'dockerd has a proxy, so docker pull works, but the buildx_buildkit container was created without one and buildx build fails.',
  explanation: `A \`docker-container\` builder runs \`buildkitd\` in its own container (\`buildx_buildkit_<name>0\`). buildx
creates that container with exactly the \`env.*\` driver options you gave to \`docker buildx create\`, nothing else:
dockerd does not copy its own proxy into containers, and \`~/.docker/config.json\` proxies only become build args.
So \`docker pull\` (dockerd) works and \`docker buildx build\` (buildkitd in the container) times out.

Verify: \`docker buildx inspect <name>\` shows no \`env.HTTPS_PROXY\` under *Driver Options*, and
\`docker inspect buildx_buildkit_<name>0 --format '{{json .Config.Env}}'\` has no proxy.`,
  fix: `Recreate the builder with the proxy (target \`buildx-container\`): \`docker buildx rm <name>\` (add \`--keep-state\`
to keep its cache), then create it again with the proxy as driver options:

\`\`\`sh
docker buildx create --name <name> --driver docker-container \\
  --driver-opt env.HTTP_PROXY=http://proxy:3128 --driver-opt env.HTTPS_PROXY=http://proxy:3128 \\
  --driver-opt '"env.NO_PROXY=localhost,127.0.0.1,.corp"'
\`\`\`

The double quotes inside single quotes keep the commas of \`NO_PROXY\` inside one CSV field (docker/buildx#1380).`,
  targets: ['buildx-docker-container'],
  examples: {
    bad: {
      title: 'A builder created before the proxy was configured',
      machine: variant(GOOD_DOCKER, {
        env: { ...shellEnv(), BUILDX_BUILDER: 'ci' },
        docker: { engine: '26.1.5', builders: [containerBuilder('ci', null)], current: 'ci' },
      }),
    },
    good: { title: 'The builder was created with env.* driver options', machine: GOOD_CONTAINER },
  },
  references: [
    {
      title: 'docker/buildx#2059: builder does not use daemon proxy',
      url: 'https://github.com/docker/buildx/issues/2059',
    },
    {
      title: 'Docker docs: docker-container driver',
      url: 'https://docs.docker.com/build/builders/drivers/docker-container/',
    },
  ],
  check(state) {
    if (!runtimeHasProxy(state)) return [];
    return usedBuilders(state)
      .filter(({ builder }) => builder.driver === 'docker-container' && builderMissingProxy(builder))
      .map(({ builder, commands }) => ({
        message: `dockerd has HTTPS_PROXY, but ${builderLabel(builder)} (${joinCommands(commands)}) was created without it`,
        evidence: [...builderEvidence(builder), 'docker info'],
      }));
  },
};
