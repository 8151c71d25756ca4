// run-proxy-missing: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Build containers never inherit the proxy of dockerd or buildkitd (moby/moby#14078 decided so on purpose).
They only see the predefined build args \`HTTP_PROXY\`, \`HTTPS_PROXY\`, \`NO_PROXY\`, \`FTP_PROXY\`, \`ALL_PROXY\`
(both cases), passed explicitly with \`--build-arg\` or injected by the CLI from the \`proxies\` section of
\`~/.docker/config.json\` (buildx ≥ 0.8). Symptoms: \`Could not resolve 'deb.debian.org'\`, \`apk: temporary error\`.

\`buildctl\` never reads \`config.json\`: its RUN steps get only the \`--opt build-arg:NAME=VALUE\` values of the command
(\`--build-arg\` is not a buildctl flag: \`flag provided but not defined: -build-arg\`). Give your command with
\`--command "buildctl build …"\` and the doctor reads the build args it passes.

buildproxy cannot see the flags of your future builds; if you always pass \`--build-arg\`, ignore this warning.`;

export const fix = `Add a \`proxies.default\` section to \`~/.docker/config.json\` (target \`docker-cli-config\`): every \`docker build\`
and \`docker buildx build\` then passes the proxy to RUN steps without being asked. For \`buildctl\`, add
\`--opt build-arg:HTTP_PROXY=… --opt build-arg:HTTPS_PROXY=… --opt build-arg:NO_PROXY=…\` to the command (target
\`build-command\` writes the buildctl form).`;
