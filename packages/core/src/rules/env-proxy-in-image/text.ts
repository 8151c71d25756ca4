// env-proxy-in-image: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`ENV http_proxy=…\` is a popular workaround, but it embeds the proxy in the image config: every container
started from it (in CI, in production, on a laptop off the VPN) tries that proxy, and any credentials ship with the
image. Docker's docs: *"Don't use the ENV Dockerfile instruction to specify proxy settings for builds. Use build
arguments instead."* RUN steps already receive the predefined proxy build args.`;

export const fix = `Delete the \`ENV …_PROXY\` lines and let RUN steps take the proxy from build args: \`~/.docker/config.json\`
\`proxies\` (target \`docker-cli-config\`) or \`--build-arg\` (target \`build-command\`).`;
