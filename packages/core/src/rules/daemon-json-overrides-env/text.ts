// daemon-json-overrides-env: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `On Engine ≥ 23 dockerd writes the \`daemon.json\` \`proxies\` values over its own environment (both cases) at
start-up and logs \`overriding existing proxy variable with value from configuration\`. The systemd drop-in still
shows in \`systemctl show docker\`, so it looks active while it is not. Two sources of truth drift apart.

Verify: \`docker info\` shows the daemon.json value; \`journalctl -u docker | grep overriding\`.`;

export const fix = `Keep one source. Either remove \`proxies\` from \`daemon.json\` (target \`docker-systemd\`) or remove the proxy
variables from the drop-in (target \`docker-daemon-json\`).`;
