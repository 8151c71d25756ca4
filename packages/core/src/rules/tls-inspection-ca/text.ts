// tls-inspection-ca: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `With a TLS-inspecting (MITM) proxy the CA has to be installed per actor:
- **client** (token fetch) and **dockerd**: the host's OS store, then restart dockerd;
- **buildkitd** in a container, pod or service: its image's store, or \`ca = [...]\` per registry in
  \`buildkitd.toml\` (does not cover token or CDN hosts unless listed);
- **RUN steps**: the image being built (\`COPY\` the CA and \`update-ca-certificates\`, or a secret mount).

Symptoms: \`x509: certificate signed by unknown authority\` on FROM/push, \`curl: (60)\` inside RUN.`;

export const fix = `Plan with \`--ca-cert FILE\`: the \`buildkitd-toml\` target writes \`ca\` entries for your registries, the
\`docker-systemd\` target lists the OS-store steps, and a Dockerfile snippet shows the RUN-step install.`;
