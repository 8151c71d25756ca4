// pac-static-proxy: why it happens and how to fix it (markdown).
export const explanation = `A PAC file chooses a proxy per request, in JavaScript. The tools that build images (the docker CLI,
buildx, dockerd, BuildKit, and the programs in RUN steps) read fixed environment variables instead, so the PAC
file's choices have to be written out once: the proxy it gives the internet hosts as \`HTTPS_PROXY\` and
\`HTTP_PROXY\`, and the hosts it sends DIRECT as \`NO_PROXY\`.

\`buildproxy doctor --network\` runs the PAC file (in a sandbox) for docker.io's registry
(\`registry-1.docker.io\`), token service (\`auth.docker.io\`) and blob CDN
(\`production.cloudflare.docker.com\`), your registries and mirrors, and the common package hosts of RUN steps,
and prints what it answered for each.

**Fallbacks.** \`PROXY a:8080; PROXY b:8080\` tells a browser to try b when a cannot be reached.
\`DIRECT; PROXY a:8080\` tells it to try a direct connection first and the proxy only when that fails. Go tools
take one fixed proxy and never fall back: the static setting follows the first choice, and if the first choice
does not work from where you build, use the next one instead. A PAC file that picks the proxy by your address
(\`isInNet(myIpAddress(), …)\`) answers differently at another office: run the doctor again there.`;

export const fix = `Use the printed values: \`buildproxy plan --proxy URL --no-proxy LIST\` writes them for every actor (the
shell: target \`client-shell\`). The wizard offers them as its default answer.`;
