// daemon-json-flag-conflict: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `dockerd refuses any option given both on its command line and in \`daemon.json\`, and the nested
\`proxies\` keys count: \`the following directives are specified both as a flag and in the configuration file:
http-proxy: (from flag: …, from file: …)\`. The daemon does not start at all.

Verify: \`systemctl show docker --property=ExecStart\` and \`journalctl -u docker\`.`;

export const fix = `Remove the \`--http-proxy\`/\`--https-proxy\`/\`--no-proxy\` flags from the unit's \`ExecStart\` (a drop-in that resets
\`ExecStart=\`), or remove the keys from \`daemon.json\` (targets \`docker-daemon-json\`, \`docker-systemd\`).`;
