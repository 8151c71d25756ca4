import { CONFIG_JSON, DROP_IN, GOOD_DOCKER, variant } from './fixtures.js';
import type { Rule } from './types.js';
import {
  builderEvidence,
  builderLabel,
  builderMissingProxy,
  intendedProxy,
  joinCommands,
  runConfigured,
  runtimeHasProxy,
  shown,
  usedBuilders,
} from './util.js';

export const builderProxyMissing: Rule = {
  id: 'builder-proxy-missing',
  title: 'The builder has no proxy',
  severity: 'error',
  actor: 'builder',
  summary:
    'The BuildKit that pulls FROM images, the # syntax frontend and pushes has no HTTPS_PROXY, so those requests go direct and time out.',
  explanation: `BuildKit — dockerd's embedded one for the \`docker\` driver, or \`buildkitd\` in a container, pod or service —
fetches everything that is not a \`RUN\` step: \`FROM\` manifests and layers, the \`# syntax=\` frontend image,
\`--push\`, registry cache, \`ADD https://…\` and git sources. It reads its proxy **once, from its own process
environment at start-up** (Go's \`http.ProxyFromEnvironment\`). Nothing you export in your shell and no
\`--build-arg\` reaches it.

Typical errors: \`failed to do request: Head "https://registry-1.docker.io/v2/…": dial tcp …:443: i/o timeout\`,
\`connect: connection refused\`, or \`lookup registry-1.docker.io: no such host\` (the builder tried DNS itself:
it is not using a proxy).

Verify: \`docker info --format '{{.HTTPSProxy}}'\` for the \`docker\` driver; for a \`docker-container\` builder,
\`docker inspect buildx_buildkit_<name>0 --format '{{json .Config.Env}}'\`.`,
  fix: `Give the builder the proxy where it starts:
- \`docker\` driver: a systemd drop-in for \`docker.service\` (target \`docker-systemd\`, or \`docker-systemd-rootless\`)
  or \`daemon.json\` \`proxies\` on Engine ≥ 23 (target \`docker-daemon-json\`), then restart dockerd.
- \`docker-container\` driver: recreate the builder with \`--driver-opt env.HTTPS_PROXY=…\` (target \`buildx-container\`).
- standalone \`buildkitd\`: a drop-in for \`buildkit.service\` (target \`buildkitd-systemd\`); Kubernetes: pod env (target \`kubernetes\`).`,
  targets: [
    'docker-systemd',
    'docker-systemd-rootless',
    'docker-daemon-json',
    'buildx-docker-container',
    'buildkitd-systemd',
    'kubernetes',
  ],
  examples: {
    bad: {
      title: 'The shell has the proxy; dockerd has none',
      machine: variant(GOOD_DOCKER, { removeFiles: [DROP_IN, CONFIG_JSON] }),
    },
    good: { title: 'A drop-in gives dockerd the proxy', machine: GOOD_DOCKER },
  },
  references: [
    { title: 'Docker docs: Daemon proxy configuration', url: 'https://docs.docker.com/engine/daemon/proxy/' },
    {
      title: 'docker/buildx#136: builders do not use the daemon proxy',
      url: 'https://github.com/docker/buildx/issues/136',
    },
  ],
  check(state, profile) {
    const want = intendedProxy(profile);
    if (!want) return [];
    return (
      usedBuilders(state)
        .filter(({ builder }) => builderMissingProxy(builder))
        // Narrower rules explain these cases better.
        .filter(({ builder }) => !(builder.driver === 'docker-container' && runtimeHasProxy(state)))
        .filter(() => !runConfigured(state))
        .map(({ builder, commands }) => ({
          message: `${builderLabel(builder)}, used by ${joinCommands(commands)}, has no HTTPS_PROXY; you need ${shown(want)} (from ${profile.sourceLabel})`,
          evidence: builderEvidence(builder),
        }))
    );
  },
};
