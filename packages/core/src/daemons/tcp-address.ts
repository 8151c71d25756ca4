// A daemon address that is tcp://HOST:PORT: what ties it to a running daemon is a listening TCP socket, which only
// the kernel's TCP tables show (/proc/PID/net/tcp and tcp6). The capture reads those tables only when an address
// it will tie is one of these, since reading them makes the kernel walk its whole connection hash.

/** tcp://HOST:PORT → its host (brackets removed, lower case) and port; null for anything else. */
export function tcpTarget(address: string): { host: string; port: number } | null {
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/i.exec(address.trim());
  return m ? { host: m[1]!.replace(/^\[|\]$/g, '').toLowerCase(), port: Number(m[2]) } : null;
}

/**
 * Whether any of the addresses the analysis ties to a daemon (DOCKER_HOST, BUILDKIT_HOST, buildctl's --addr) is
 * a tcp:// one, so the daemons' TCP listeners are worth reading.
 */
export function needsTcpListeners(addresses: readonly (string | null | undefined)[]): boolean {
  return addresses.some((a) => typeof a === 'string' && tcpTarget(a) !== null);
}
