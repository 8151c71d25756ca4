// proxy-case-mismatch: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `Go reads the uppercase variable first; curl reads only lowercase \`http_proxy\` and prefers lowercase for the
others; wget reads only lowercase. With two different values, the daemon and the tools in RUN steps use different
proxies or bypass lists. Older buildx/BuildKit even picked one at random when both reached RUN steps
(docker/buildx#3636, fixed in buildx 0.33 / BuildKit 0.29).`;

export const fix = `Set both cases to the same value (all targets write both).`;
