// One resolver for "which running daemon is the one this address reaches", for dockerd (DOCKER_HOST, the
// context's endpoint) and buildkitd (buildctl --addr, BUILDKIT_HOST). Evidence in order of strength:
//   1. socket: the process holds the listening socket bound at that path (its inode in /proc/PID/net/unix and in
//      /proc/PID/fd) — the only proof that survives socket activation (dockerd -H fd://);
//   2. argv: the process was told to listen there (dockerd -H/--host, buildkitd --addr);
//   3. config: buildkitd.toml's [grpc] address (buildkitd's --config, else its default path);
//   4. pidfile: the daemon's pidfile names it (dockerd --pidfile, default /var/run/docker.pid) and the address is
//      the one that daemon serves by default.
// A daemon that none of these ties is never used: another dockerd's environment says nothing about this one.
import { parse as parseToml } from 'smol-toml';
import type { ProcessInfo } from '../evidence/schema.js';
import { buildkitdAddrs, dockerdHosts, firstFlag, unixPath } from './argv.js';
import { tcpTarget } from './tcp-address.js';
import { canonicalSocketPath } from './unix-sockets.js';

export type TieKind = 'socket' | 'argv' | 'config' | 'pidfile';

export interface Tie {
  process: ProcessInfo;
  how: TieKind;
  /** human wording of the proof, e.g. "holds the socket /run/docker.sock (inode in /proc/812/fd)" */
  detail: string;
}

export interface ResolveInput {
  daemon: 'dockerd' | 'buildkitd';
  /** the address the client uses: unix:///run/docker.sock, tcp://…, or a bare path */
  address: string;
  processes: readonly ProcessInfo[];
  /** file contents from the evidence (pidfiles, buildkitd.toml), null when known absent */
  files: Readonly<Record<string, string | null>>;
  /** the daemon's default pidfile and config for this scope (rootful or rootless) */
  defaults: { pidfile?: string; config?: string; address: string };
}

function sameAddress(a: string, b: string): boolean {
  const pa = unixPath(a);
  const pb = unixPath(b);
  if (pa && pb) return canonicalSocketPath(pa) === canonicalSocketPath(pb);
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** [grpc] address from a buildkitd.toml; null when the file is absent, unparsable or does not set it. */
export function tomlGrpcAddresses(text: string | null | undefined): string[] | null {
  if (text == null) return null;
  try {
    const t = parseToml(text) as { grpc?: { address?: unknown } };
    const a = t.grpc?.address;
    return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : null;
  } catch {
    return null;
  }
}

/** Where the process says it listens: argv, else (buildkitd) its config file; null when it says nothing. */
function declaredAddresses(
  p: ProcessInfo,
  input: ResolveInput,
): { addrs: string[]; how: TieKind; from: string } | null {
  const argv = p.argv ?? [];
  const fromArgv = input.daemon === 'dockerd' ? dockerdHosts(argv) : buildkitdAddrs(argv);
  if (fromArgv.length) return { addrs: fromArgv, how: 'argv', from: 'its command line' };
  if (input.daemon === 'buildkitd') {
    const cfg = firstFlag(argv, 'config') ?? input.defaults.config;
    const addrs = cfg ? tomlGrpcAddresses(input.files[cfg]) : null;
    if (addrs?.length) return { addrs, how: 'config', from: `[grpc] address in ${cfg}` };
  }
  return null;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether a recorded "tcp://ADDR:PORT" listener accepts connections to this host and port. */
function tcpServes(socket: string, t: { host: string; port: number }): boolean {
  const l = tcpTarget(socket);
  if (!l || l.port !== t.port) return false;
  if (l.host === '0.0.0.0' || l.host === '::') return true;
  if (l.host === t.host) return true;
  return LOOPBACK.has(t.host) && LOOPBACK.has(l.host);
}

export function resolveDaemon(input: ResolveInput): Tie | null {
  const mine = input.processes.filter((p) => p.name === input.daemon);
  const target = unixPath(input.address);
  // 1. The socket itself.
  if (target) {
    const want = canonicalSocketPath(target);
    const holder = mine.find((p) => p.sockets?.some((s) => canonicalSocketPath(s) === want));
    if (holder)
      return {
        process: holder,
        how: 'socket',
        detail: `holds the listening socket ${target} (/proc/${holder.pid}/fd)`,
      };
  }
  // 1b. A tcp:// address: the process holding a listening TCP socket on that port, bound to that address or to
  // every address (0.0.0.0, ::). Names other than localhost are not resolved (no DNS here): argv still ties them.
  const tcp = tcpTarget(input.address);
  if (tcp) {
    const holder = mine.find((p) => p.sockets?.some((s) => tcpServes(s, tcp)));
    if (holder)
      return {
        process: holder,
        how: 'socket',
        detail: `holds the listening socket ${input.address} (/proc/${holder.pid}/net/tcp)`,
      };
  }
  // 2 and 3. What each process was told (a daemon left at its default address is tied by 1 or 4 only). A process whose sockets we could read and that does not hold the
  // target does not serve it, whatever its argv says (a stale flag, another namespace).
  for (const p of mine) {
    if (target && p.sockets && p.sockets.length > 0) continue;
    const d = declaredAddresses(p, input);
    if (d?.addrs.some((a) => sameAddress(a, input.address)))
      return { process: p, how: d.how, detail: `listens on ${input.address} per ${d.from}` };
  }
  // 4. The pidfile of the daemon that serves this address by default.
  if (sameAddress(input.address, input.defaults.address)) {
    for (const p of mine) {
      const pidfile = firstFlag(p.argv ?? [], 'pidfile', 'p') ?? input.defaults.pidfile;
      const text = pidfile ? input.files[pidfile] : null;
      if (text != null && text.trim() === String(p.pid))
        return { process: p, how: 'pidfile', detail: `named by its pidfile ${pidfile}` };
    }
  }
  return null;
}
