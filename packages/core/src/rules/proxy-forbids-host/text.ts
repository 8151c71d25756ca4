// proxy-forbids-host: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `The proxy answered \`CONNECT host:443\` with a policy answer instead of opening the tunnel: **403 Forbidden**
(squid's \`ERR_ACCESS_DENIED\`, a category block of Zscaler, Netskope or Blue Coat), or a **502/503/504** block page.
The doctor names the product when the answer's \`Server\`, \`Via\` or \`X-Squid-Error\` header or its page does.

A pull needs all of \`registry-1.docker.io\`, \`auth.docker.io\` and the blob CDN
\`production.cloudflare.docker.com\`; allowing only the registry gives \`failed to fetch oauth token\` or fails in
the middle of a layer download.`;

export const fix = `This is the proxy's policy, not your configuration: ask the proxy's owners to allow \`CONNECT\` to the hosts
listed (Docker publishes the list of Docker Hub domains). If the host is internal and answers directly, put it in
\`NO_PROXY\` instead (see \`no-proxy-direct-only\`), or use a registry mirror the proxy allows (\`--mirror HOST\`).`;
