// proxy-arg-declared: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `The proxy variables are predefined build args: RUN steps get them without an \`ARG\` line, and by default
they are excluded from \`docker history\` and from the cache key, so moving between networks does not bust the cache.
An explicit \`ARG HTTP_PROXY\` turns that off: the value is recorded in the history and a different proxy
invalidates the cache (Dockerfile reference, "Predefined ARGs").`;

export const fix = `Remove the \`ARG\` line for the proxy variable; pass values with \`--build-arg\` or config.json \`proxies\`
(targets \`docker-cli-config\`, \`build-command\`).`;
