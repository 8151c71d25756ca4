// proxy-unreachable: why it happens and how to fix it (markdown), apart from the check so that running the rules
// does not load the prose.
export const explanation = `\`buildproxy doctor --network\` opens a TCP connection to every proxy an actor uses, from this host. When
that fails, every request of those actors fails too, with \`proxyconnect tcp: dial tcp …: connect: connection
refused\`, \`… i/o timeout\` or \`… no such host\` — even though the configuration looks right.

- **refused**: nothing listens on that port (a typo, the proxy moved, a local cntlm/px that is not running);
- **timeout** or **unreachable**: a firewall drops the traffic, or the address is on another network;
- **dns**: this host cannot resolve the proxy's name (containers may resolve even less, see \`loopback-proxy-unreachable\`).

The probe runs from the host: an actor in a container may reach less than the host does, never more.`;

export const fix = `Find the right address (your browser's or the system proxy settings, a PAC file, your IT), check it with
\`buildproxy doctor --network --proxy http://HOST:PORT\`, then write it to every actor with
\`buildproxy plan --proxy http://HOST:PORT\`. A local relay (cntlm, px) must be running and listening where the
actors can reach it.`;
