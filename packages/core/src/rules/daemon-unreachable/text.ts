// daemon-unreachable: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `buildproxy asks the running daemon (\`docker info\`) for the proxy it actually uses, because files can be
stale. When the daemon is stopped, wedged or behind a socket you cannot open, the report falls back to the files.
Common causes: dockerd not started, your user not in the \`docker\` group, \`DOCKER_HOST\` pointing elsewhere, or a
daemon that refused to start because of its configuration (see \`journalctl -u docker\`).`;

export const fix = `Start dockerd (\`sudo systemctl start docker\`), check \`DOCKER_HOST\` and your permissions on the socket, then run
\`buildproxy doctor\` again.`;
