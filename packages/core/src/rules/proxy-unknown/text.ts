// proxy-unknown: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `buildproxy checks every actor of a build against the proxy you need. It takes that proxy from \`--proxy\`,
or infers it from any place one is configured (your shell, dockerd, a builder, \`~/.docker/config.json\`). On a
machine where none of these has one, there is nothing to compare against: every actor "has no proxy", which is
right on a network with direct access and exactly the problem behind a corporate proxy. The doctor cannot tell
which, so it says so instead of reporting the machine healthy.`;

export const fix = `If builds work, nothing is needed. If they fail (timeouts to \`registry-1.docker.io\`, \`auth.docker.io\`), give
the proxy and run the doctor again: \`buildproxy doctor --proxy http://HOST:PORT\`; the wizard asks for it on its
network step. Then \`buildproxy plan --proxy http://HOST:PORT\` writes it to each actor.`;
