// systemd-environment-quoting: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `systemd splits an \`Environment=\` value into words like a shell: quotes group, spaces separate, and each
word must be \`NAME=value\`. So:
- \`Environment="HTTP_PROXY=http://p:3128 HTTPS_PROXY=http://p:3128"\` sets **one** variable, \`HTTP_PROXY\`, to
  \`http://p:3128 HTTPS_PROXY=http://p:3128\` — and no \`HTTPS_PROXY\` at all;
- \`Environment=NO_PROXY=a, b\` sets \`NO_PROXY=a,\` and drops \`b\` as an invalid assignment.`;

export const fix = `One variable per \`Environment=\` line, the whole assignment in double quotes:
\`Environment="HTTPS_PROXY=http://proxy:3128"\` (target \`docker-systemd\`).`;
