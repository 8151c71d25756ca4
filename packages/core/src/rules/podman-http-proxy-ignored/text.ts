// podman-http-proxy-ignored: why it happens and how to fix it (markdown).
export const explanation = `containers.conf documents \`[containers] http_proxy = false\` as "do not pass the proxy variables into
containers". \`podman run\` honours it. \`podman build\` and \`buildah bud\` do not: their \`--http-proxy\` flag defaults to
\`true\` in the command line code, not from containers.conf, so every RUN step gets \`http_proxy\`, \`https_proxy\`,
\`ftp_proxy\`, \`no_proxy\` (both cases) from the podman or buildah process.

Measured on podman 4.3.1 and buildah 1.28.2 (buildproxy's e2e suite, \`test/e2e/podman.e2e.ts\`): with
\`http_proxy = false\` in the system or the user containers.conf, a RUN step's request still went through the
shell's proxy; \`podman run\` with the same file got no proxy. An open buildah pull request
([containers/buildah#6996](https://github.com/containers/buildah/issues/6996)) would make builds read the setting.`;

export const fix = `To keep the proxy out of RUN steps, say so on the build command: \`podman build --http-proxy=false …\`
(\`buildah bud --http-proxy=false …\`). To keep it out of the pulls too, unset the proxy variables for that command.
If RUN steps are meant to use the proxy, remove \`http_proxy = false\`: it only misleads.`;
