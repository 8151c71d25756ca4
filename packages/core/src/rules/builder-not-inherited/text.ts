// builder-not-inherited: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `A \`docker-container\` builder runs \`buildkitd\` in its own container (\`buildx_buildkit_<name>0\`). buildx
creates that container with exactly the \`env.*\` driver options you gave to \`docker buildx create\`, nothing else:
dockerd does not copy its own proxy into containers, and \`~/.docker/config.json\` proxies only become build args.
So \`docker pull\` (dockerd) works and \`docker buildx build\` (buildkitd in the container) times out.

Verify: \`docker buildx inspect <name>\` shows no \`env.HTTPS_PROXY\` under *Driver Options*, and
\`docker inspect buildx_buildkit_<name>0 --format '{{json .Config.Env}}'\` has no proxy.`;

export const fix = `Recreate the builder with the proxy (target \`buildx-docker-container\`): \`docker buildx rm <name>\` (add \`--keep-state\`
to keep its cache), then create it again with the proxy as driver options:

\`\`\`sh
docker buildx create --name <name> --driver docker-container \\
  --driver-opt env.HTTP_PROXY=http://proxy:3128 --driver-opt env.HTTPS_PROXY=http://proxy:3128 \\
  --driver-opt '"env.NO_PROXY=localhost,127.0.0.1,.corp"'
\`\`\`

The double quotes inside single quotes keep the commas of \`NO_PROXY\` inside one CSV field (docker/buildx#1380).`;
