// Linux /proc/net tables, read by the capture to answer two questions about a proxy on this host: does it
// listen on loopback only (then no container can reach it), and what is docker0's address (the one RUN steps
// on the default bridge can reach). Pure and linear; the capture caps what it reads (MAX_PROC_NET).

export const MAX_PROC_NET = 1024 * 1024;
export const MAX_LISTENERS = 4096;

export interface Listener {
  addr: string; // "127.0.0.1", "0.0.0.0", "::", "::1"
  port: number;
}

/** What the capture records (evidence.net). */
export interface HostNetEvidence {
  /** TCP sockets in LISTEN state in the capture's network namespace (/proc/net/tcp and tcp6) */
  listeners: Listener[];
  /** each interface with a subnet route → this host's IPv4 address in that subnet (/proc/net/route ∩ fib_trie) */
  ifaces: Record<string, string>;
}

/** What the analysis uses: the listeners, and the address of dockerd's bridge (docker0 unless --bridge). */
export interface HostNet {
  listeners: Listener[];
  bridge: string | null;
}

const hex = (s: string) => Number.parseInt(s, 16);

/** A /proc/net/tcp address word: 32 bits in host (little-endian) byte order. */
function ipv4FromLe(word: string): string {
  const n = hex(word);
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24].join('.');
}

function ipv6FromLe(s: string): string {
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) {
    const word = s.slice(w * 8, w * 8 + 8);
    for (let b = 3; b >= 0; b--) bytes.push(hex(word.slice(b * 2, b * 2 + 2)));
  }
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return `::ffff:${bytes.slice(12).join('.')}`;
  // compress the longest run of zero groups, as inet_ntop does
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const h = groups.map((g) => g.toString(16));
  if (best < 0) return h.join(':');
  return `${h.slice(0, best).join(':')}::${h.slice(best + bestLen).join(':')}`;
}

/** LISTEN rows (state 0A) of /proc/net/tcp (v6 false) or /proc/net/tcp6. Malformed rows are skipped. */
export function parseTcpListeners(text: string, v6: boolean): Listener[] {
  return tcpListenRows(text, v6).map(({ addr, port }) => ({ addr, port }));
}

/** The same rows with their socket inode (column 10): what ties a listening port to the process holding it. */
export function tcpListenRows(text: string, v6: boolean): (Listener & { inode: number })[] {
  const out: (Listener & { inode: number })[] = [];
  const addrRe = v6 ? /^([0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/ : /^([0-9A-Fa-f]{8}):([0-9A-Fa-f]{4})$/;
  for (const line of text.slice(0, MAX_PROC_NET).split('\n')) {
    if (out.length >= MAX_LISTENERS) break;
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d+:$/.test(f[0]!) || f[3] !== '0A') continue;
    const m = addrRe.exec(f[1]!);
    if (!m) continue;
    const inode = /^\d{1,12}$/.test(f[9] ?? '') ? Number(f[9]) : 0;
    out.push({ addr: v6 ? ipv6FromLe(m[1]!) : ipv4FromLe(m[1]!), port: hex(m[2]!), inode });
  }
  return out;
}

/** "tcp://ADDR:PORT" as a process's listening socket is recorded (IPv6 in brackets). */
export function tcpSocketName(l: Listener): string {
  return `tcp://${l.addr.includes(':') ? `[${l.addr}]` : l.addr}:${l.port}`;
}

/** Interface subnets from /proc/net/route (Destination and Mask are little-endian hex words). */
export function parseRouteSubnets(text: string): { iface: string; net: number; mask: number }[] {
  const out: { iface: string; net: number; mask: number }[] = [];
  const le = (w: string) => {
    const n = hex(w);
    return (((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | (n >>> 24)) >>> 0;
  };
  for (const line of text.slice(0, MAX_PROC_NET).split('\n')) {
    if (out.length >= MAX_LISTENERS) break;
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || !/^[\w.@:-]{1,32}$/.test(f[0]!)) continue;
    if (!/^[0-9A-Fa-f]{8}$/.test(f[1]!) || !/^[0-9A-Fa-f]{8}$/.test(f[7]!)) continue;
    const mask = le(f[7]!);
    if (mask === 0) continue; // a default route says nothing about the interface's subnet
    out.push({ iface: f[0]!, net: le(f[1]!), mask });
  }
  return out;
}

/** The host's own IPv4 addresses: "|-- A.B.C.D" followed by "/32 host LOCAL" in /proc/net/fib_trie. */
export function parseFibLocal(text: string): string[] {
  const out = new Set<string>();
  let last: string | null = null;
  for (const line of text.slice(0, MAX_PROC_NET).split('\n')) {
    const ip = /^[\s|+-]*\|-- (\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(line);
    if (ip) {
      last = ip[1]!;
      continue;
    }
    if (last && /^\s*\/32 host LOCAL\s*$/.test(line)) out.add(last);
  }
  return [...out];
}

const toNum = (ip: string) => ip.split('.').reduce((n, o) => ((n << 8) | Number(o)) >>> 0, 0);

/** Each routed interface's own address: the local address inside its subnet. */
export function interfaceAddresses(route: string, fib: string): Record<string, string> {
  const locals = parseFibLocal(fib);
  const out: Record<string, string> = {};
  for (const r of parseRouteSubnets(route)) {
    const ip = locals.find((a) => (toNum(a) & r.mask) >>> 0 === r.net);
    if (ip && !(r.iface in out)) out[r.iface] = ip;
  }
  return out;
}

export function bridgeAddress(route: string, fib: string, iface = 'docker0'): string | null {
  return interfaceAddresses(route, fib)[iface] ?? null;
}

/**
 * dockerd's bridge address: --bip's address when given, else the address of --bridge/-b (docker0 by default)
 * as this host's routes and addresses show it.
 */
export function hostNetFrom(
  ev: HostNetEvidence | undefined,
  dockerdArgv: string[] | undefined,
): HostNet | null {
  if (!ev) return null;
  const argv = dockerdArgv ?? [];
  const flag = (names: string[]): string | null => {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      for (const n of names) {
        if (a === n) return argv[i + 1] ?? null;
        if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      }
    }
    return null;
  };
  const bip = flag(['--bip'])?.replace(/\/\d+$/, '') ?? null;
  const iface = flag(['--bridge', '-b']) ?? 'docker0';
  const bridge =
    bip && /^\d+\.\d+\.\d+\.\d+$/.test(bip)
      ? bip
      : Object.hasOwn(ev.ifaces, iface)
        ? ev.ifaces[iface]!
        : null;
  return { listeners: ev.listeners, bridge };
}

export type ListenScope = 'loopback-only' | 'reachable' | 'not-listening' | 'unknown';

/** Where a local proxy on `port` listens: only on loopback, or on an address containers can reach. */
export function listenScope(net: { listeners: Listener[] } | null | undefined, port: number): ListenScope {
  if (!net) return 'unknown';
  const on = net.listeners.filter((l) => l.port === port);
  if (on.length === 0) return 'not-listening';
  const loop = (a: string) => /^127\./.test(a) || a === '::1' || /^::ffff:127\./.test(a);
  return on.every((l) => loop(l.addr)) ? 'loopback-only' : 'reachable';
}

/**
 * The address RUN steps should use for a proxy on this host's port: the proxy's own non-loopback address when
 * it listens on one, docker0's address when it listens on all interfaces; null when it listens on loopback only
 * or we cannot tell.
 */
export function hostProxyAddress(net: HostNet | null | undefined, port: number): string | null {
  if (!net) return null;
  const on = net.listeners.filter((l) => l.port === port);
  const wildcard = on.some((l) => l.addr === '0.0.0.0' || l.addr === '::');
  if (wildcard) return net.bridge;
  const v4 = on.find((l) => /^\d+\.\d+\.\d+\.\d+$/.test(l.addr) && !l.addr.startsWith('127.'));
  return v4?.addr ?? null;
}

/**
 * A complete row of /proc/net/tcp or tcp6 in a state other than LISTEN (0A). The kernel lists the listening
 * sockets first, so such a row means every LISTEN row has been read: the capture stops there (host-net.ts).
 */
export function isConnectionRow(line: string): boolean {
  const f = line.trim().split(/\s+/);
  return f.length >= 4 && /^\d+:$/.test(f[0]!) && /^[0-9A-F]{2}$/.test(f[3]!) && f[3] !== '0A';
}

/** "TCP6: inuse N" of /proc/net/sockstat6: the network namespace's TCP6 sockets, listeners included. */
export function tcp6InUse(sockstat6: string): number | null {
  const m = /^TCP6: inuse (\d{1,9})\b/m.exec(sockstat6.slice(0, 4096));
  return m ? Number(m[1]) : null;
}
