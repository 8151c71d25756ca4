// podman-machine-proxy-stale: why it happens and how to fix it (markdown).
export const explanation = `A podman machine (macOS, Windows, or a Linux host running one) does not follow the shell you type in. When
\`podman machine start\` boots the VM, podman copies the proxy variables of *that* shell into the VM's systemd manager
(\`/etc/systemd/system.conf.d/default-env.conf\`), and the podman service in the VM pulls and builds with them until the
next boot. Setting or changing \`HTTPS_PROXY\` afterwards, or per command (\`HTTPS_PROXY=… podman pull …\`), changes
nothing inside the VM ([containers/podman#22898](https://github.com/containers/podman/issues/22898)).
The doctor compares the machine's \`default-env.conf\` with this shell, and names when the machine last booted
(\`LastUp\` in \`podman machine inspect\`). Podman 4.6 and later (not on WSL) write a loopback proxy as
\`host.containers.internal\`, so that difference is expected and not reported.`;

export const fix = `Restart the machine from a shell that has the proxy: \`podman machine stop NAME\`, then
\`podman machine start NAME\` (target \`podman-machine\` prints both, with the proxy set for the start).`;
