// file-unreadable: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `buildproxy reads the files that configure each actor. Some are readable by root only — on purpose, like the
\`EnvironmentFile=\` with mode 0600 that holds proxy credentials. When the doctor runs as another user, such a file's
content is unknown: buildproxy says so instead of treating it as empty, and skips the comparisons that would need it.`;

export const fix = `Run the doctor as root to see everything: \`sudo buildproxy doctor\`.`;
