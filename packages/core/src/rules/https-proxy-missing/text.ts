// https-proxy-missing: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Registries are reached over \`https://\`. Go's \`ProxyFromEnvironment\` picks \`HTTPS_PROXY\` for https URLs and
never falls back to \`HTTP_PROXY\` (since Go 1.16; Docker 20.10.8 release notes: *"HTTP proxies configured through the
$HTTP_PROXY environment variable are no longer used for TLS (https://) connections"*). Setups that worked for years
broke on upgrade (docker/for-linux#1290). curl in RUN steps behaves the same way.`;

export const fix = `Set \`HTTPS_PROXY\` (and \`https_proxy\`) to the same value as \`HTTP_PROXY\` — usually an \`http://\` URL —
in every layer (targets \`docker-systemd\`, \`docker-daemon-json\`, \`docker-cli-config\`, \`client-shell\`, \`buildx-docker-container\`).`;
