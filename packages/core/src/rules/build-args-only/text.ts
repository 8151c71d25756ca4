// build-args-only: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`--build-arg HTTP_PROXY=…\`, \`--opt build-arg:HTTPS_PROXY=…\` and the \`proxies\` section of
\`~/.docker/config.json\` (which the CLI turns into those build args) only reach the **build containers** of \`RUN\`
steps. Pulling the \`FROM\` image, resolving \`# syntax=\`, pushing and \`ADD <url>\` are done by the **builder**
(BuildKit) with its own process environment. So \`RUN apk add\` works while \`FROM\` times out — the most common
"but I set the proxy" report (moby/buildkit#5617).

Verify: a build with \`--progress=plain\` fails at \`[internal] load metadata for …\` before any \`RUN\` step.
For \`buildctl\`, \`buildctl debug workers --verbose\` is no check: it prints no environment. Read
\`/proc/PID/environ\` of buildkitd or \`systemctl show buildkit -p Environment\`, run the doctor, then a real build.`;

export const fix = `Keep the build args for RUN steps and also configure the builder: \`docker-systemd\` or \`docker-daemon-json\`
for the \`docker\` driver, \`buildx-docker-container\` for a \`docker-container\` builder, \`buildkitd-systemd\` for buildkitd.`;
