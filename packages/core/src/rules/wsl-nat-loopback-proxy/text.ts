// wsl-nat-loopback-proxy: why it happens and how to fix it (markdown).
export const explanation = `A WSL2 distro in the default NAT networking mode has its own network namespace: \`127.0.0.1\` there is the
distro, not Windows. WSL says so itself: *"A localhost proxy configuration was detected but not mirrored into WSL. WSL
in NAT mode does not support localhost proxies."* (microsoft/WSL#10753). A proxy tool listening on Windows'
\`127.0.0.1\` (Clash, v2rayN, cntlm, Px) is therefore out of reach of a dockerd running in this distro.

Verify: \`wslinfo --networking-mode\` prints \`nat\`; \`reg.exe query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings" /v ProxyServer\` shows \`127.0.0.1\`.`;

export const fix = `Either switch WSL to mirrored networking (\`[wsl2]\` \`networkingMode=mirrored\` in \`%UserProfile%\\.wslconfig\`,
then \`wsl --shutdown\`; target \`wslconfig\` writes it), where the distro shares Windows' loopback; or let the proxy tool listen on the Windows host's
address (\`Allow LAN\`) and give dockerd that address: target \`docker-systemd\` with the host IP from
\`ip route show default\` in the distro.`;
