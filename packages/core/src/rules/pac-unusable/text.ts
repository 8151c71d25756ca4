// pac-unusable: why it happens and how to fix it (markdown).
export const explanation = `The machine's proxy setting is a PAC file (macOS, Windows, GNOME or KDE "automatic proxy configuration",
WSL's \`WSL_PAC_URL\`, Docker Desktop's PAC setting), and \`buildproxy doctor --network\` could not use it:

- **timeout / dns / refused**: PAC servers (often \`http://wpad.<domain>/wpad.dat\`) are usually reachable only
  on the office network or the VPN;
- **HTTP status**: the URL is stale;
- **too large**, or **not http(s)** (\`file://\`, \`data:\`): buildproxy fetches at most 512 KiB over http(s);
- **the script failed**: it threw, looped (each call is stopped after 2 seconds), ran out of memory (32 MiB), or
  returned something that is not a PAC answer such as \`"PROXY host:port; DIRECT"\`.

The PAC file runs in a QuickJS sandbox (the pac-resolver library): no file, process or network access; its
\`dnsResolve\` is answered by a bounded resolver and \`myIpAddress\` by this host's address.

Whatever the cause, the Go tools that build images cannot read a PAC file anyway; they need the proxy written
out.`;

export const fix = `Connect to the VPN and run \`buildproxy doctor --network\` again, or ask IT for the proxy address and
give it to every actor with \`buildproxy plan --proxy http://HOST:PORT\` (target \`client-shell\` for the shell).
\`buildproxy doctor --network --pac URL\` tries another PAC URL.`;
