// builder-proxy-missing: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `BuildKit — dockerd's embedded one for the \`docker\` driver, or \`buildkitd\` in a container, pod or service —
fetches everything that is not a \`RUN\` step: \`FROM\` manifests and layers, the \`# syntax=\` frontend image,
\`--push\`, registry cache, \`ADD https://…\` and git sources. It reads its proxy **once, from its own process
environment at start-up** (Go's \`http.ProxyFromEnvironment\`). Nothing you export in your shell and no
\`--build-arg\` reaches it.

Typical errors: \`failed to do request: Head "https://registry-1.docker.io/v2/…": dial tcp …:443: i/o timeout\`,
\`connect: connection refused\`, or \`lookup registry-1.docker.io: no such host\` (the builder tried DNS itself:
it is not using a proxy).

Verify: \`docker info --format '{{.HTTPSProxy}}'\` for the \`docker\` driver; for a \`docker-container\` builder,
\`docker inspect buildx_buildkit_<name>0 --format '{{json .Config.Env}}'\`. For a standalone \`buildkitd\`, read the
environment it really runs with: \`tr '\\0' '\\n' < /proc/$(pidof buildkitd)/environ | grep -i proxy\` or
\`systemctl show buildkit -p Environment\`, then run the doctor again and a real build. **Not**
\`buildctl debug workers --verbose\`: it lists workers, labels and platforms, and prints no environment at all.`;

export const fix = `Give the builder the proxy where it starts:
- \`docker\` driver: a systemd drop-in for \`docker.service\` (target \`docker-systemd\`, or \`docker-systemd-rootless\`)
  or \`daemon.json\` \`proxies\` on Engine ≥ 23 (target \`docker-daemon-json\`), then restart dockerd.
- \`docker-container\` driver: recreate the builder with \`--driver-opt env.HTTPS_PROXY=…\` (target \`buildx-docker-container\`).
- standalone \`buildkitd\` (what \`buildctl\` reaches: \`--addr\`, else \`BUILDKIT_HOST\`, else
  \`unix:///run/buildkit/buildkitd.sock\`): a drop-in for \`buildkit.service\` (target \`buildkitd-systemd\`, rootful or
  rootless) and \`systemctl restart buildkit\`; without systemd, start it as \`HTTPS_PROXY=… NO_PROXY=… buildkitd …\` or
  from an environment file (target \`build-command\` prints it); Kubernetes: the Deployment's env (target \`kubernetes\`).`;
