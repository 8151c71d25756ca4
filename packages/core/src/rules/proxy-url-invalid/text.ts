// proxy-url-invalid: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Go accepts \`host:port\` or \`scheme://[user:pass@]host:port\`. Common mistakes and what they cause:
- an empty host, typically an unexpanded \`$PROXY\`: \`proxyconnect tcp: dial tcp :0: connect: connection refused\`;
- \`@\`, \`#\`, \`/\`, \`?\` or \`%\` in the password, not percent-encoded: the URL splits in the wrong place, 407s;
- quotes kept as part of the value (\`"http://…"\`), spaces, a non-numeric port.

When Go cannot parse the value at all it **ignores it and connects direct**, so the failure looks like "no proxy".`;

export const fix = `Write \`http://user:pass@host:port\` with the user and password percent-encoded (\`@\` → \`%40\`, \`#\` → \`%23\`).
buildproxy's plans encode credentials for you (every target).`;
