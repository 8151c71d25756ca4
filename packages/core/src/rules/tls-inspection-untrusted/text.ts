// tls-inspection-untrusted: why it happens and how to fix it (markdown), apart from the check so that running the
// rules does not load the prose.
export const explanation = `\`buildproxy doctor --network\` opens the tunnel to \`registry-1.docker.io:443\` (and the other needed hosts) and
completes a TLS handshake inside it, checking the chain against Node's bundled public roots only. A
TLS-inspecting proxy (Zscaler, Netskope, Blue Coat, squid \`ssl_bump\`) answers with a certificate it signed
itself: the chain fails and the doctor names the issuer.

Then, per actor, whether that issuer is trusted where the actor looks:
- **client** (token fetch by buildx/buildctl) and **dockerd** (pulls, the docker-driver builder): the host CA
  store; dockerd also reads \`/etc/docker/certs.d/<host>/ca.crt\`;
- **docker-container / kubernetes / remote builders**: the \`moby/buildkit\` image's store (public roots only) plus
  \`ca = [...]\` in the buildkitd.toml given at \`docker buildx create --buildkitd-config\`;
- **standalone buildkitd**: the host store, or its buildkitd.toml;
- **RUN steps**: the store inside the image being built.

The usual corporate case: the host trusts the CA (IT installed it), the builder container and the image do not.`;

export const fix = `Save the CA the proxy presented: \`buildproxy doctor --network --save-ca corp-ca.pem\` (check its fingerprint with
your IT). Then \`buildproxy plan --ca-cert corp-ca.pem\`: target \`ca-trust\` installs it in the host store and
restarts the daemons that read it, and gives the RUN-step Dockerfile snippet and its \`--secret\` form (your
Dockerfile is never edited); \`buildx-docker-container\` recreates a docker-container builder with a buildkitd.toml
that lists the CA; \`buildkitd-toml\` writes the \`ca\` entries for a standalone buildkitd.`;
