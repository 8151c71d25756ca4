// desktop-loopback-proxy: why it happens and how to fix it (markdown).
export const explanation = `Docker Desktop normally gives its engine the internal proxy \`http.docker.internal:3128\`, which forwards
from the host to the upstream proxy, so a proxy on your computer's loopback works. When \`docker info\` shows a
\`127.0.0.1\` or \`localhost\` proxy instead, the engine got the host's value directly: the Windows system proxy of a
local tool (Clash, v2rayN, cntlm on \`127.0.0.1\`) imported into the VM (docker/for-win#14818), often through WSL's
\`autoProxy\` with \`networkingMode=mirrored\` (docker/for-win#14706, microsoft/WSL#13172). Inside the VM \`127.0.0.1\` is the
VM itself, so pulls fail with \`proxyconnect tcp: dial tcp 127.0.0.1:7890: connect: connection refused\`.

Verify: \`docker info\` (HTTP Proxy / HTTPS Proxy) and \`wslinfo --networking-mode\` in a WSL shell.`;

export const fix = `Give Desktop the proxy itself: Settings > Resources > Proxies > Manual proxy configuration with the upstream
(\`http://127.0.0.1:7890\` is fine there: Desktop's backend dials it on the host), target \`desktop-settings\`. If you
need no proxy, choose Manual and leave the fields blank. With WSL mirrored networking, either set \`autoProxy=false\`
under \`[wsl2]\` in \`%UserProfile%\\.wslconfig\` (docker/for-win#14828; target \`wslconfig\`) or go back to \`networkingMode=nat\`, then run
\`wsl --shutdown\` and restart Docker Desktop.`;
