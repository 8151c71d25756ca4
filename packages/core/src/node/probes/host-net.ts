// The capture's view of this host's network: listening TCP sockets and docker0's address, derived from
// /proc/net. Only LISTEN rows are kept: connections to and from other hosts never enter a bundle.
import { close, constants, fstat, open, read, realpathSync } from 'node:fs';
import {
  type HostNetEvidence,
  interfaceAddresses,
  MAX_PROC_NET,
  parseTcpListeners,
  tcp6InUse,
} from '../../formats/proc-net.js';
import { underRoot } from './files.js';
import { CHUNK, ProcChunks } from './proc-read.js';

/** A callback of node:fs as a promise (fs/promises would load a dozen more Node modules for four calls). */
const call = <T>(f: (cb: (e: NodeJS.ErrnoException | null, v: T) => void) => void) =>
  new Promise<T>((resolve, reject) => f((e, v) => (e ? reject(e) : resolve(v))));

/**
 * procfs files report size 0, so read until EOF, at most MAX_PROC_NET bytes; non-blocking and regular files only
 * (a FIFO planted in a --root tree cannot block), and never outside --root. Through the thread pool, so the doctor
 * loads its analysis meanwhile. With `listenersOnly`, stop at the first complete row that is not LISTEN
 * (proc-read.ts says why).
 */
export async function readProcFile(
  root: string | undefined,
  path: string,
  listenersOnly = false,
): Promise<string | null> {
  try {
    const target = underRoot(root, path);
    if (root) {
      const [real, top] = [realpathSync(target), realpathSync(root)];
      if (real !== top && !real.startsWith(`${top}/`)) return null;
    }
    const fd = await call<number>((cb) =>
      open(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW, cb),
    );
    try {
      if (!(await call<{ isFile(): boolean }>((cb) => fstat(fd, cb))).isFile()) return null;
      const got = new ProcChunks(MAX_PROC_NET, listenersOnly);
      const buf = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const n = await call<number>((cb) => read(fd, buf, 0, Math.min(CHUNK, got.room()), null, cb));
        if (n === 0 || got.add(buf.subarray(0, n))) break;
      }
      return got.text('latin1');
    } finally {
      await new Promise((r) => close(fd, r));
    }
  } catch {
    return null;
  }
}

/**
 * /proc/net/tcp6, or no rows when sockstat6 counts no TCP6 socket at all (listeners included): most machines
 * have none, and reading the empty table would still cost the walk.
 */
async function readTcp6(root: string | undefined): Promise<string | null> {
  const sockstat6 = await readProcFile(root, '/proc/net/sockstat6');
  if (sockstat6 !== null && tcp6InUse(sockstat6) === 0) return '';
  return readProcFile(root, '/proc/net/tcp6', true);
}

/**
 * The listening TCP sockets and docker0's address: this host's /proc/net, or under --root DIR only DIR/proc/net
 * (readProcFile keeps every read inside DIR). null when DIR has no proc/net/tcp: not captured, never this host's.
 */
export async function readHostNet(root: string | undefined): Promise<HostNetEvidence | null> {
  if (root !== undefined && (await readProcFile(root, '/proc/net/tcp', true)) === null) return null;
  if (process.platform !== 'linux' && root === undefined) return null;
  const [tcp, tcp6, route, fib] = await Promise.all([
    readProcFile(root, '/proc/net/tcp', true),
    readTcp6(root),
    readProcFile(root, '/proc/net/route'),
    readProcFile(root, '/proc/net/fib_trie'),
  ]);
  if (tcp == null && tcp6 == null) return null;
  return {
    listeners: [...parseTcpListeners(tcp ?? '', false), ...parseTcpListeners(tcp6 ?? '', true)],
    ifaces: route != null && fib != null ? interfaceAddresses(route, fib) : {},
  };
}
