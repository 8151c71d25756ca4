// wsl-autoproxy-https-missing: why it happens and how to fix it (markdown).
export const explanation = `WSL's \`autoProxy\` (on by default) copies the Windows proxy into each distro's environment. When Windows has
only a PAC file (AutoConfigURL), WSL sets \`http_proxy\`/\`HTTP_PROXY\` and \`WSL_PAC_URL\` but leaves
\`https_proxy\`/\`HTTPS_PROXY\` empty (microsoft/WSL#40945, \`LxssUserSession.cpp\` sets https only when the secure proxy is
non-empty; fixed by microsoft/WSL#40950). Go programs (docker, buildx, dockerd) and curl then send every HTTPS request
direct: \`docker build\` fails fetching a registry token, \`wslc pull\` times out.

Verify: \`env | grep -i _proxy\` in the distro shows \`http_proxy\` and \`WSL_PAC_URL\` only.`;

export const fix = `Export \`HTTPS_PROXY\` (and \`https_proxy\`) with the proxy the PAC file returns for your registries
(\`buildproxy doctor --network\` runs the PAC file and prints it: rule \`pac-static-proxy\`), target \`client-shell\`; or update WSL to a version with microsoft/WSL#40950.`;
