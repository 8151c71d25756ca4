// desktop-ignores-daemon-json: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Docker Desktop runs dockerd in a VM and configures it itself: *"Proxy configurations specified in the
\`daemon.json\` are ignored by Docker Desktop"* (Docker docs). Desktop's own proxy (\`http.docker.internal:3128\`)
forwards to the upstream you set in Settings. CLI plugins such as buildx still need \`HTTPS_PROXY\` in your shell.`;

export const fix = `Set the proxy in Docker Desktop: Settings > Resources > Proxies > Manual proxy configuration, and remove
\`proxies\` from \`~/.docker/daemon.json\`. Export the proxy in your shell for buildx (target \`client-shell\`).`;
