// config-file-invalid: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`daemon.json\` and \`~/.docker/config.json\` are strict JSON — no comments, no trailing commas. A malformed
\`daemon.json\` keeps dockerd from starting (\`unable to configure the Docker daemon with file …\`); a malformed
\`config.json\` makes the CLI warn and ignore it, losing the \`proxies\` section. \`buildkitd.toml\` must be valid TOML.
buildproxy never rewrites a file it cannot parse.`;

export const fix = `Fix the syntax at the line and column shown (or restore the backup), then run \`buildproxy doctor\` again. Plans
refuse to touch a malformed file.`;
