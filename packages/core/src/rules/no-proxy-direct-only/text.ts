// no-proxy-direct-only: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`buildproxy doctor --network\` tries every needed host twice: through each actor's proxy (with that actor's own
\`NO_PROXY\`, as Go decides), and directly with a short timeout. A host that answers directly while the proxy
fails to reach it (403, 502, a timeout) is an internal host: the corporate proxy sits outside and cannot see it.
An actor whose \`NO_PROXY\` does not match it sends it to the proxy anyway, and its pushes and pulls fail
(docker/buildx#895).

Go matches \`NO_PROXY\` by host and port: \`registry.corp\` covers its subdomains, \`registry.corp:5000\` only that port,
and CIDR entries only IP literals (see \`no-proxy-missing-registry\`).`;

export const fix = `Plan with the host as a registry, \`buildproxy plan --registry HOST[:PORT]\` (or \`--no-proxy HOST\`): the generated
\`NO_PROXY\` names it in every layer — targets \`docker-systemd\`, \`docker-daemon-json\`, \`buildx-docker-container\` and
\`client-shell\`. Check it with \`buildproxy route https://HOST:PORT/v2/\`.`;
