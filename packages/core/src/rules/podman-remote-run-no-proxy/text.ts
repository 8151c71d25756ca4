// podman-remote-run-no-proxy: why it happens and how to fix it (markdown).
export const explanation = `With a remote podman — the CLI on macOS or Windows talking to \`podman machine\`, the podman-remote binary, or any
podman with \`CONTAINER_HOST\` / \`CONTAINER_CONNECTION\` set — the build runs in the service. Up to podman 4.3, the
client set \`--http-proxy=false\` by default for remote builds "since settings do not apply"
([containers/podman#16520](https://github.com/containers/podman/issues/16520)), so RUN steps get no proxy variables at all, while pulls (done by the service with its own
environment) work. Podman 4.4 changed the default ([containers/podman#16776](https://github.com/containers/podman/issues/16776)): RUN steps then get the proxy variables of
the **service** process, never the client's.

Measured on podman 4.3.1 against a \`podman system service\` (buildproxy's e2e suite): the FROM pull used the service's
proxy; RUN got nothing; with \`--http-proxy=true\` RUN got the service's proxy.`;

export const fix = `Upgrade the podman client to 4.4 or later, or add \`--http-proxy=true\` to \`podman build\`. Either way RUN steps get the
**service's** proxy: make sure the machine has it (target \`podman-machine\`). \`docker compose\` or other tools talking
to podman's API cannot pass the flag: upgrade.`;
