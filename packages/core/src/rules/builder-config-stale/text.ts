// builder-config-stale: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Proxy settings are read once, when a process starts. Editing a drop-in does nothing until
\`systemctl daemon-reload\` (systemd re-reads the files) **and** \`systemctl restart docker\` (dockerd re-reads its
environment). A \`docker-container\` builder keeps the environment it was created with until it is recreated.

buildproxy compares three snapshots: the drop-in files on disk, what \`systemctl show docker --property=Environment\`
says systemd has loaded, and \`/proc/<pid>/environ\` of the running dockerd. (\`daemon.json\` proxies never appear
in environ — dockerd applies them internally — so they are compared with \`docker info\` instead.)`;

export const fix = `Reload and restart (commands planned with target \`docker-systemd\`): \`sudo systemctl daemon-reload && sudo systemctl
restart docker\` (rootless: \`systemctl --user …\`). A restart stops running containers unless \`live-restore\` is on.
For a \`docker-container\` builder: \`docker buildx rm\` and create it again (target \`buildx-docker-container\`).`;
