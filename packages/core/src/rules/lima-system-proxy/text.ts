// lima-system-proxy: why it happens and how to fix it (markdown).
export const explanation = `Lima (and Colima, which runs on it) computes the proxy variables of the VM every time it starts: first the
**Mac's system proxy** (what \`scutil --proxy\` shows: System Settings > Network > Proxies), then the \`env:\` of its
YAML files, then the proxy variables of the shell that runs \`limactl start\`; it writes the result to the VM's
\`/etc/environment\`, where dockerd takes it (lima-vm/lima \`pkg/cidata/cidata.go\`, \`setupEnv\`). So a proxy left in the
network settings — an old office proxy, a VPN client that is off — reaches the VM even though \`env | grep -i proxy\`
prints nothing, and pulls time out: \`Error response from daemon: Get "https://registry-1.docker.io/v2/": context
deadline exceeded\` ([abiosoft/colima#610](https://github.com/abiosoft/colima/issues/610)). Editing \`/etc/environment\`
inside the VM does not last: Lima writes it again at the next start.`;

export const fix = `Fix or clear the proxy in System Settings > Network > Proxies, or decide in Lima's own file: target
\`lima-override\` writes the proxy into \`~/.lima/_config/override.yaml\` \`env:\` (over the system settings) and restarts
the instance; to keep a system proxy out without setting another, give the variables an empty value there
(\`HTTP_PROXY: ""\` — Lima drops empty variables). With Colima, use \`colima.yaml\` \`env\` (target \`colima-yaml\`).`;
