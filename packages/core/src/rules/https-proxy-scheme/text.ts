// https-proxy-scheme: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `The scheme in \`HTTPS_PROXY=https://proxy:3128\` describes **the connection to the proxy**, not the traffic.
Go (since 1.10) then starts a TLS handshake with the proxy. A plain proxy answers in clear text and the pull fails
with \`proxyconnect tcp: tls: first record does not look like a TLS handshake\` (docker/for-linux#415) or
\`proxyconnect tcp: net/http: TLS handshake timeout\`. Docker's own docs example uses \`https://\`, which misleads.

If your proxy really terminates TLS on that port, keep \`https://\` and pass \`--https-proxy\` explicitly to silence this.`;

export const fix = `Use \`http://proxy:port\` for both \`HTTP_PROXY\` and \`HTTPS_PROXY\` (all targets write \`http://\` unless told otherwise).`;
