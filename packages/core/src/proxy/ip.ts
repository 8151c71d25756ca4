// IP literal parsing with the rules of Go's net.ParseIP / net.ParseCIDR, which dockerd, buildkitd and buildx use
// when matching NO_PROXY. Addresses are normalised to 16 bytes (IPv4 as ::ffff:a.b.c.d) like Go does.

export type IP = Uint8Array;

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIPv4Bytes(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    // Go ≥1.17 rejects leading zeros ("010.0.0.1") to avoid octal ambiguity.
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0'))) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseIPv6Bytes(input: string): number[] | null {
  if (input.includes('%')) return null; // zones are not IPs for Go's ParseIP
  let s = input;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An embedded IPv4 tail ("::ffff:1.2.3.4") stands for the last two 16-bit groups.
    const v4 = parseIPv4Bytes(tail);
    if (!v4) return null;
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    s = `${s.slice(0, lastColon + 1)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`;
  }
  const parseGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const dbl = s.indexOf('::');
  let groups: number[];
  if (dbl === -1) {
    const g = parseGroups(s);
    if (g?.length !== 8) return null;
    groups = g;
  } else {
    if (s.indexOf('::', dbl + 1) !== -1) return null;
    const left = parseGroups(s.slice(0, dbl));
    const right = parseGroups(s.slice(dbl + 2));
    if (!left || !right || left.length + right.length > 7) return null;
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  return bytes;
}

/**
 * Go 1.24's netip.ParseAddr as useProxy uses it on the request host: like ParseIP, but an IPv6 address may
 * carry a zone ("fe80::1%eth0", any non-empty text after "%"), which is dropped. Go 1.19 used net.ParseIP.
 */
export function parseAddrZoned(s: string): IP | null {
  const pct = s.indexOf('%');
  if (pct < 0) return parseIP(s);
  if (pct === s.length - 1 || !s.slice(0, pct).includes(':')) return null;
  return parseIP(s.slice(0, pct));
}

/** Go's net.ParseIP: an IPv4 dotted quad or an IPv6 literal (no brackets, no zone). */
export function parseIP(s: string): IP | null {
  if (s.includes('.') && !s.includes(':')) {
    const v4 = parseIPv4Bytes(s);
    return v4 ? Uint8Array.from([...V4_PREFIX, ...v4]) : null;
  }
  if (!s.includes(':')) return null;
  const v6 = parseIPv6Bytes(s);
  return v6 && v6.length === 16 ? Uint8Array.from(v6) : null;
}

export function isIPv4(ip: IP): boolean {
  return V4_PREFIX.every((b, i) => ip[i] === b);
}

export function isLoopback(ip: IP): boolean {
  if (isIPv4(ip)) return ip[12] === 127;
  return ip.every((b, i) => (i === 15 ? b === 1 : b === 0));
}

export function ipEqual(a: IP, b: IP): boolean {
  return a.every((v, i) => v === b[i]);
}

export interface Cidr {
  ip: IP;
  bits: number; // prefix length within the 16-byte form
  /** net.IPNet.Contains compares an IPv4 host (incl. ::ffff:a.b.c.d) only with an IPv4 network: ::/0 misses 10.1.2.3 */
  v4: boolean;
}

/** Go's net.ParseCIDR: "10.0.0.0/8" or "2001:db8::/32". */
export function parseCIDR(s: string): Cidr | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const len = s.slice(slash + 1);
  if (!/^\d+$/.test(len)) return null; // dtoi: any number of digits, leading zeros allowed
  const ip = parseIP(addr);
  if (!ip) return null;
  const plainV4 = !addr.includes(':');
  const n = Number(len);
  if (n > (plainV4 ? 32 : 128)) return null;
  // An IPv4-mapped network ("::ffff:10.0.0.0/104") is an IPv4 network for Contains, with the mask's last 32 bits.
  const v4 = isIPv4(ip);
  const bits = plainV4 ? n + 96 : v4 ? Math.max(n, 96) : n;
  return { ip, bits, v4 };
}

export function cidrContains(c: Cidr, ip: IP): boolean {
  if (c.v4 !== isIPv4(ip)) return false;
  for (let bit = 0; bit < c.bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((c.ip[byte] ?? 0) & mask) !== ((ip[byte] ?? 0) & mask)) return false;
  }
  return true;
}

/** Go's net.SplitHostPort. Returns null where Go returns an error. */
export function splitHostPort(hostport: string): { host: string; port: string } | null {
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return null;
    const rest = hostport.slice(end + 1);
    if (!rest.startsWith(':')) return null;
    const host = hostport.slice(1, end);
    const port = rest.slice(1);
    if (port.includes(':') || hostport.indexOf('[', 1) >= 0 || port.includes(']')) return null;
    return { host, port };
  }
  const i = hostport.lastIndexOf(':');
  if (i < 0) return null;
  const host = hostport.slice(0, i);
  if (host.includes(':') || host.includes('[') || host.includes(']')) return null;
  return { host, port: hostport.slice(i + 1) };
}

export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
