// daemon-json-unsupported: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `The \`proxies\` object in \`daemon.json\` (\`http-proxy\`, \`https-proxy\`, \`no-proxy\`) arrived in Docker Engine
23.0 (moby/moby#42835). An older dockerd does not know the keys and **refuses to start**:
\`the following directives don't match any configuration option: no-proxy, http-proxy, https-proxy\` (observed
with Debian's dockerd 20.10). Distributions still ship 20.10.

Verify: \`dockerd --version\`, and \`journalctl -u docker\` after a restart.`;

export const fix = `Remove \`proxies\` from \`daemon.json\` and use a systemd drop-in instead (target \`docker-systemd\`), or upgrade
Docker Engine to 23 or newer.`;
