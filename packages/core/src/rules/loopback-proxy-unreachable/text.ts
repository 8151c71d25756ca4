// loopback-proxy-unreachable: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Local proxies (cntlm, px, a VPN client) often listen on \`127.0.0.1\`. That works for your shell and for a
rootful dockerd, which share the host's network namespace. It does not work for:
- \`RUN\` steps with the \`docker\` driver — a bridge network namespace;
- a \`docker-container\` builder and its \`RUN\` steps — the builder container's namespace;
- rootless dockerd/buildkitd — RootlessKit disables host loopback by default;
- Docker Desktop — the daemon runs in a VM.

The error is \`proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused\`.`;

export const fix = `Make the proxy reachable from that namespace: \`--driver-opt network=host\` for a \`docker-container\` builder
(target \`buildx-docker-container\`), the bridge gateway address (\`172.17.0.1\`) with the proxy listening there for RUN
steps (targets \`docker-cli-config\`, \`build-command\` with \`--network host\`), or the rootless loopback opt-in.`;
