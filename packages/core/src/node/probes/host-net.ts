// The capture's view of this host's network: listening TCP sockets and docker0's address, derived from
// /proc/net. Only LISTEN rows are kept: connections to and from other hosts never enter a bundle.
import { constants, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  type HostNetEvidence,
  interfaceAddresses,
  isConnectionRow,
  MAX_PROC_NET,
  parseTcpListeners,
  tcp6InUse,
} from '../../formats/proc-net.js';
import { underRoot } from './files.js';

const CHUNK = 64 * 1024;

/**
 * procfs files report size 0, so read until EOF, at most MAX_PROC_NET bytes; non-blocking and regular files only
 * (a FIFO planted in a --root tree cannot block), and never outside --root. Through the thread pool, so the doctor
 * loads its analysis meanwhile. With `listenersOnly`, stop at the first complete row that is not LISTEN: the
 * kernel lists listening sockets first, and reading on makes it walk its whole connection table (262 144 buckets,
 * ~3.5 ms of CPU on a 24 GiB machine) for rows the capture drops.
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
    const fh = await open(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      if (!(await fh.stat()).isFile()) return null;
      let text = '';
      let lineStart = 0; // the first line not yet looked at (listenersOnly): each line is looked at once
      while (text.length < MAX_PROC_NET) {
        const buf = Buffer.allocUnsafe(Math.min(CHUNK, MAX_PROC_NET - text.length));
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        // /proc/net tables are ASCII; latin1 keeps one character per byte, so the cap counts bytes
        text += buf.toString('latin1', 0, bytesRead);
        if (!listenersOnly) continue;
        const end = text.lastIndexOf('\n');
        if (end < lineStart) continue;
        const done = text.slice(lineStart, end).split('\n').some(isConnectionRow);
        lineStart = end + 1;
        if (done) break;
      }
      return text;
    } finally {
      await fh.close();
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

/** --root DIR's network is this machine's unless DIR has a proc/net of its own (as for processes). */
export async function readHostNet(root: string | undefined): Promise<HostNetEvidence | null> {
  if (root !== undefined && (await readProcFile(root, '/proc/net/tcp', true)) === null)
    return readHostNet(undefined);
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
