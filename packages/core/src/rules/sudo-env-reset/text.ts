// sudo-env-reset: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`sudo buildproxy doctor\` runs as root, so that it can read dockerd's environment and the system's files,
but the client and RUN steps it diagnoses are those of the user who typed the command (\`SUDO_USER\`): their
shell's variables, their \`~/.docker\`, their builders. sudo's default \`env_reset\` starts the command with a clean
environment, without \`HTTP_PROXY\`, \`HTTPS_PROXY\` or \`NO_PROXY\`. buildproxy reads the user's variables from the
sudo process that started it (its \`/proc/PID/environ\`, the environment sudo was given) and says which ones sudo
dropped. Anything else run through sudo, \`sudo docker build\` or \`sudo buildproxy apply\` included, still goes
without them. When that environment cannot be read (another sudo-like tool, a hardened /proc), the report says
the user's variables are unknown.`;

export const fix = `Keep the variables when you use sudo: \`sudo --preserve-env=HTTP_PROXY,HTTPS_PROXY,NO_PROXY,http_proxy,https_proxy,no_proxy CMD\`,
or \`sudo -E CMD\` (keeps everything), or for good with a drop-in made by \`visudo -f /etc/sudoers.d/proxy\`:
\`Defaults env_keep += "HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy"\`. Better still, build
as the user (in the \`docker\` group) without sudo.`;
