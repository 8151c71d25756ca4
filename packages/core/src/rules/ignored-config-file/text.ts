// ignored-config-file: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Old guides put \`export HTTP_PROXY=…\` in \`/etc/default/docker\`. That file was read by the SysV init script;
Docker's own systemd unit does not read it (moby/moby#23040). Debian's \`docker.io\` unit does read it through
\`EnvironmentFile=-/etc/default/docker\`, but systemd's env-file format only takes plain \`KEY=VALUE\` lines:
\`export KEY=VALUE\` lines are skipped.

Verify: \`systemctl show docker --property=EnvironmentFiles\` lists the files systemd reads.`;

export const fix = `Move the variables into a systemd drop-in (target \`docker-systemd\`) and delete them from the old file.`;
