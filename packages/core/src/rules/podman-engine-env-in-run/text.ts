// podman-engine-env-in-run: why it happens and how to fix it (markdown).
export const explanation = `containers.conf(5) describes \`[engine] env\` as the environment of the container engine that "will not be
used within the container". For podman's own requests that holds: pulls go through a proxy set there. But podman
sets these variables in its own process only where the shell has not set them, one variable at a time, and a build
passes the proxy variables of that process into RUN steps. So on podman 4.3.1 (measured in buildproxy's e2e suite):

- \`[engine] env\` alone: the FROM pull and the RUN steps both use it;
- the shell sets \`https_proxy\` too: the shell's value wins for that variable, \`[engine] env\` still supplies the others.

Both are usually what you want behind a proxy; the surprise comes when the two disagree.`;

export const fix = `Keep the proxy in one place. For podman on Linux, \`[engine] env\` in \`~/.config/containers/containers.conf\`
(target \`containers-conf\`) gives pulls and RUN steps the same proxy without exporting it in every shell; then drop
the stale variables from the shell, or make them equal.`;
