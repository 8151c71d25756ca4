// no-proxy-syntax: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Go splits \`NO_PROXY\` on commas only and trims each entry. Valid entries: \`*\` (everything), a host or domain
(\`registry.corp\`, \`.corp\`, \`*.corp\`), \`host:port\`, an IP, or a CIDR (\`10.0.0.0/8\`, applied to IP literals only).
\`10.*\`, \`http://registry\`, \`a b c\` (the "space-separated" workaround from docker/buildx#1380) and \`a;b\` match
nothing. curl, which most RUN steps use, differs again: it also splits on spaces, ignores ports and does not expand
\`*.\` — so for RUN steps prefer plain \`.corp\` suffixes.`;

export const fix = `Use a comma-separated list of \`.domain\` suffixes, hosts, IPs and CIDRs, identical in every layer; the plans
normalise it (all targets).`;
