// syntax-frontend-pull: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`# syntax=docker/dockerfile:1\` tells BuildKit to pull \`docker.io/docker/dockerfile:1\` and run it as the
frontend. The builder does that pull (and your CLI fetches the registry token), before any \`FROM\`. The error
names the frontend, not your image: \`resolve image config for docker-image://docker.io/docker/dockerfile:1\` →
\`i/o timeout\` or \`Proxy Authentication Required\` (devcontainers/cli#1038). The same holds for a standalone
\`buildkitd\` driven by \`buildctl build --frontend dockerfile.v0\`: buildkitd pulls the frontend image itself, and
\`--opt build-arg:HTTPS_PROXY=…\` does not reach it.`;

export const fix = `Give the builder the proxy (see \`builder-proxy-missing\`; targets \`docker-systemd\`, \`buildx-docker-container\`,
\`buildkitd-systemd\` for buildkitd), or
remove the \`# syntax=\` line to use the frontend built into BuildKit, or point it at an internal mirror.`;
