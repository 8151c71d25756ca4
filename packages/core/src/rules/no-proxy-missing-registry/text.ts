// no-proxy-missing-registry: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Go matches \`NO_PROXY\` entries against the request host: \`registry.corp\` matches itself and subdomains,
\`.corp\` matches only subdomains, \`registry.corp:5000\` matches only that port, and CIDR entries like \`10.0.0.0/8\`
match **only IP literals**, never a host name that resolves into the range. A registry missing from the builder's or
the client's \`NO_PROXY\` is fetched through the proxy (docker/buildx#895).

Check a host with \`buildproxy route https://registry.corp:5000/v2/\`.`;

export const fix = `Add each registry host (with its port when it is not 443) to \`NO_PROXY\` in every layer; the plan targets
generate the list from \`--registry\` (targets \`docker-systemd\`, \`docker-daemon-json\`, \`buildx-docker-container\`, \`client-shell\`).`;
