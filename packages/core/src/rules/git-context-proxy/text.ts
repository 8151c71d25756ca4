// git-context-proxy: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`ADD https://github.com/org/repo.git#ref\`, \`ADD --keep-git-dir\` and git build contexts are cloned by a
\`git\` subprocess of the builder. BuildKit passed the proxy variables to it only from v0.19.0 (moby/buildkit#5613,
fixing #5329), first shipped in Docker Engine 28.0. Older builders fail with
\`fatal: unable to access '…': Failed to connect to github.com port 443\` even though image pulls work.`;

export const fix = `Upgrade Docker Engine to ≥ 28 or the buildkit image to ≥ v0.19 (for a \`docker-container\` builder:
\`--driver-opt image=moby/buildkit:latest\`, target \`buildx-docker-container\`), or fetch the source in a RUN step.`;
