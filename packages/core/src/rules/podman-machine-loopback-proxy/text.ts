// podman-machine-loopback-proxy: why it happens and how to fix it (markdown).
export const explanation = `\`podman machine start\` copies the proxy variables of the shell that starts it into the VM: podman writes them to
\`/etc/systemd/system.conf.d/default-env.conf\` (\`[Manager] DefaultEnvironment=…\`), where the podman service and every
pull inside the VM read them. A proxy on the host's loopback (a local cntlm, px, a VPN client on \`127.0.0.1:9000\`)
is copied verbatim by podman before 4.6 ([containers/podman#14087](https://github.com/containers/podman/issues/14087)) — and still on WSL machines — so the VM dials its
own loopback: \`proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused\`. Podman 4.6 and later rewrite
\`127.0.0.1\`/\`localhost\` to \`host.containers.internal\` on QEMU, HyperV and Apple machines.`;

export const fix = `Start the machine with a proxy address the VM can reach: stop it, then start it with
\`HTTP_PROXY=http://host.containers.internal:PORT\` (and \`HTTPS_PROXY\`) in the environment (target \`podman-machine\`
prints the commands). The local proxy must accept connections from the VM (listen beyond 127.0.0.1).`;
