// proxy-credentials-exposed: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Where a password in a proxy URL ends up:
- \`~/.docker/config.json\` proxies and \`--build-arg\` values become build args, which SLSA provenance records
  with \`mode=max\` (the default of docker/build-push-action on public repositories);
- \`--driver-opt env.HTTPS_PROXY=…\` is printed unmasked by \`docker buildx inspect\`;
- \`Environment=\` in a systemd drop-in is readable by every user (\`systemctl show docker\`).`;

export const fix = `Prefer a proxy that needs no password from the build host (a local cntlm/px on an address the builder can reach).
Otherwise keep the secret in a root-only \`EnvironmentFile=\` (mode 0600; target \`docker-systemd\`) and build
with \`--provenance=mode=min\` (target \`build-command\`).`;
