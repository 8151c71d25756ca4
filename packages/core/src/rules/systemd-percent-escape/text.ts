// systemd-percent-escape: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `In unit files \`%\` starts a specifier (\`%h\`, \`%n\`, …). \`%40\` is not a valid specifier, so systemd logs
\`Failed to resolve specifiers in …, ignoring\` and **drops the entire line**: the daemon starts without that proxy
variable (docker/for-linux#1149). Where the next character happens to be a valid specifier (\`%C\`, \`%h\`), systemd
silently substitutes a path into your URL instead.

Docker's docs: *"Special characters in the proxy value … must be double escaped using %%"*.`;

export const fix = `Percent-encode the credentials for the URL, then double every \`%\` for systemd: \`p@ss\` → \`p%40ss\` → \`p%%40ss\`.
The \`docker-systemd\` and \`buildkitd-systemd\` targets write values this way.`;
