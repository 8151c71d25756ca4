// colima-loopback-proxy: why it happens and how to fix it (markdown).
export const explanation = `Colima runs dockerd in a Lima VM. Two things carry your proxy there: Lima propagates the host's proxy variables
into the VM's \`/etc/environment\`, replacing \`127.0.0.1\`/\`localhost\` with the host gateway (\`192.168.5.2\`,
\`host.lima.internal\`); and colima writes \`proxies\` into the VM's \`/etc/docker/daemon.json\` from \`colima.yaml\`'s
\`env\` (else the host's variables). dockerd follows daemon.json, so daemon.json is what counts (\`docker info\` shows it).
Up to colima 0.7.5 that daemon.json kept \`127.0.0.1\` verbatim ([abiosoft/colima#1144](https://github.com/abiosoft/colima/issues/1144), #956, #1040): pulls fail
with \`proxyconnect tcp: dial tcp 127.0.0.1:9000: connect: connection refused\` while \`colima ssh -- env\` looks fine.
Colima 0.7.6 resolves loopback to the gateway ([abiosoft/colima#1145](https://github.com/abiosoft/colima/issues/1145)).`;

export const fix = `Upgrade colima to 0.7.6 or later and restart it (\`colima restart\`). On an older colima, set the proxy in
\`colima.yaml\` with the gateway address (target \`colima-yaml\` writes \`env\` with \`host.lima.internal\`), then
\`colima restart\`. The local proxy must accept connections from the VM (listen beyond 127.0.0.1).`;
