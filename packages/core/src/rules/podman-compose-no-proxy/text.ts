// podman-compose-no-proxy: why it happens and how to fix it (markdown).
export const explanation = `\`podman build\` passes the proxy variables of its environment into RUN steps (\`--http-proxy\` defaults to true).
\`podman-compose build\` (also behind \`podman compose\` when podman-compose is the provider) builds the services
without them: exporting \`http_proxy\`/\`https_proxy\` in the shell, or setting them in Podman Desktop, does not reach
the RUN steps, while the same Dockerfile builds with \`podman build\` ([containers/podman-compose#896](https://github.com/containers/podman-compose/issues/896), open).`;

export const fix = `Pass the proxy as build args in the compose file (or a local \`compose.override.yaml\` kept out of version control):

\`\`\`yaml
services:
  app:
    build:
      args:
        HTTP_PROXY: \${HTTP_PROXY}
        HTTPS_PROXY: \${HTTPS_PROXY}
        NO_PROXY: \${NO_PROXY}
\`\`\`

or build the images with \`podman build\` first.`;
