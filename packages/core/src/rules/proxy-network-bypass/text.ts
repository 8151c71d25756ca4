// proxy-network-bypass: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `With \`proxyNetwork = true\` in \`buildkitd.toml\`, \`--proxy-network\` or \`buildctl build --proxy-network\`, BuildKit
puts its own logging MITM proxy in front of every RUN step and **overwrites** \`HTTP_PROXY/HTTPS_PROXY/NO_PROXY\` in
the step. In v0.31–v0.32 that proxy dialled out directly (moby/buildkit#6991), ignoring your upstream proxy;
upstream chaining landed later (moby/buildkit#7074).`;

export const fix = `Turn the proxy network off (remove \`proxyNetwork\` / \`--proxy-network\`), or run a BuildKit that chains to the
daemon's upstream proxy (target \`buildkitd-toml\`).`;
