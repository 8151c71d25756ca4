// pac-proxy-not-used: why it happens and how to fix it (markdown).
export const explanation = `A PAC file (proxy auto-config) is a JavaScript function, \`FindProxyForURL(url, host)\`, that browsers and
the operating system run for every request to choose a proxy. Only programs that embed a JavaScript engine read
it. The docker CLI, buildx, dockerd and BuildKit are Go programs: they read \`HTTP_PROXY\`, \`HTTPS_PROXY\` and
\`NO_PROXY\` from their own environment (Go's \`net/http.ProxyFromEnvironment\`) and nothing else. RUN steps run
apt-get, curl or pip, which read the same variables. So on a laptop whose only proxy setting is a PAC file,
the browser works and every build actor connects direct, and times out or is refused at the firewall.

\`buildproxy doctor --network\` fetches the PAC file the machine names (macOS \`scutil --proxy\`, the Windows
settings, GNOME, KDE, WSL's \`WSL_PAC_URL\`, Docker Desktop's settings), runs it in a sandbox for docker.io's
registry, token and blob hosts, your registries and common package hosts, and compares its answer with what each
actor does (\`buildproxy route URL\` shows one URL).

A PAC answer can list fallbacks: \`PROXY a:8080; PROXY b:8080; DIRECT\` means "try a, then b, then direct".
\`DIRECT; PROXY a:8080\` means "try direct first, and the proxy only when direct fails". Go tools take one fixed
proxy and never fall back, so the static setting follows the first choice.

Verify: \`buildproxy doctor --network\` lists "the PAC file says …" for each host.`;

export const fix = `Give each actor the proxy the PAC file names, as a static setting: the shell (target \`client-shell\`),
dockerd (\`docker-systemd\`, or \`desktop-settings\` for Docker Desktop's manual proxy), the builder
(\`buildx-docker-container\`). \`buildproxy plan --proxy URL\` writes all of them; the PAC hosts it answers DIRECT
for go into \`NO_PROXY\` (see \`pac-static-proxy\`).`;
