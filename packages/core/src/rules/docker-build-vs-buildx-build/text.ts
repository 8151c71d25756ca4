// docker-build-vs-buildx-build: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`docker build\` uses the current context's default builder (dockerd's BuildKit) unless \`BUILDX_BUILDER\` is set.
\`docker buildx build\` uses \`BUILDX_BUILDER\`, else the builder selected with \`docker buildx use\`
(\`~/.docker/buildx/current\`), else the default (docker/cli \`cmd/docker/builder.go\`). When they differ, each has its
own proxy configuration — so "it works with docker build" proves nothing about buildx.

Verify: \`docker buildx ls\` (the \`*\` marks the selected builder) and \`echo $BUILDX_BUILDER\`.`;

export const fix = `Configure the proxy for both builders (targets \`docker-systemd\` and \`buildx-docker-container\`), or make them the same:
\`docker buildx use default\`, or \`export BUILDX_BUILDER=<name>\` so \`docker build\` uses it too.`;
