// all-proxy-only: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`ALL_PROXY\` is a curl convention. Go's \`ProxyFromEnvironment\` ignores it entirely, so a daemon or builder
with only \`ALL_PROXY=socks5://…\` connects direct. In \`~/.docker/config.json\`, \`allProxy\` is applied to
\`docker run\` and the classic builder, but buildx maps only HTTP, HTTPS, NO and FTP proxies into build args.
To use a SOCKS proxy with Go, put it in \`HTTPS_PROXY=socks5://host:1080\` (some tools in RUN steps, such as
apk, reject SOCKS: docker/desktop-linux#60).`;

export const fix = `Set \`HTTP_PROXY\` and \`HTTPS_PROXY\` (an HTTP proxy, or \`socks5://\` for the daemons only) — all targets.`;
