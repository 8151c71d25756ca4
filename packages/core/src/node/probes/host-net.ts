// The capture's view of this host's network: listening TCP sockets and docker0's address, derived from
// /proc/net. Only LISTEN rows are kept: connections to and from other hosts never enter a bundle.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import {
  type HostNetEvidence,
  interfaceAddresses,
  MAX_PROC_NET,
  parseTcpListeners,
} from '../../formats/proc-net.js';
import { underRoot } from './files.js';

/**
 * procfs files report size 0, so read until EOF, at most MAX_PROC_NET bytes; non-blocking and regular files only
 * (a FIFO planted in a --root tree cannot block), and never outside --root.
 */
export function readProcFile(root: string | undefined, path: string): string | null {
  try {
    const target = underRoot(root, path);
    if (root) {
      const [real, top] = [realpathSync(target), realpathSync(root)];
      if (real !== top && !real.startsWith(`${top}/`)) return null;
    }
    const fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      if (!fstatSync(fd).isFile()) return null;
      const buf = Buffer.alloc(MAX_PROC_NET);
      let n = 0;
      for (let got = 1; got > 0 && n < MAX_PROC_NET; n += got)
        got = readSync(fd, buf, n, MAX_PROC_NET - n, null);
      return buf.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** --root DIR's network is this machine's unless DIR has a proc/net of its own (as for processes). */
export function readHostNet(root: string | undefined): HostNetEvidence | null {
  if (root !== undefined && readProcFile(root, '/proc/net/tcp') === null) return readHostNet(undefined);
  if (process.platform !== 'linux' && root === undefined) return null;
  const [tcp, tcp6, route, fib] = [
    '/proc/net/tcp',
    '/proc/net/tcp6',
    '/proc/net/route',
    '/proc/net/fib_trie',
  ].map((p) => readProcFile(root, p));
  if (tcp == null && tcp6 == null) return null;
  return {
    listeners: [...parseTcpListeners(tcp ?? '', false), ...parseTcpListeners(tcp6 ?? '', true)],
    ifaces: route != null && fib != null ? interfaceAddresses(route, fib) : {},
  };
}
