// client-token-proxy: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Since BuildKit 0.8 the **client** (the docker CLI with buildx, or buildctl) fetches registry tokens itself,
e.g. \`POST https://auth.docker.io/token\`, even for anonymous pulls. It uses the proxy variables of the shell
you run it in — not \`daemon.json\`, not \`~/.docker/config.json\`, not Docker Desktop's settings. Maintainer
statement: *"Buildx authenticates directly from the client to get the temporary token. You need to configure
proxy directly with buildx invocation"* (moby/buildkit#5839).

Typical error: \`failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp …:443: i/o timeout\`.

Verify: \`env | grep -i _proxy\` in the shell that runs the build.`;

export const fix = `Export \`HTTP_PROXY\`, \`HTTPS_PROXY\` and \`NO_PROXY\` in your shell profile (target \`client-shell\`), or set
\`BUILDKIT_NO_CLIENT_TOKEN=1\` so the builder fetches tokens with its own proxy.`;
