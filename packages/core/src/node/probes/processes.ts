// Find running daemons: the environment they started with (/proc/PID/environ), their command line, and the unix
// sockets they listen on (/proc/PID/fd inodes looked up in their own namespace's /proc/PID/net/unix and tcp, so a
// rootless daemon inside rootlesskit's network namespace is found too).
// Synchronous reads: hundreds of tiny /proc files cost more in thread-pool round trips than in reading.
import { readdirSync as readdir, readFileSync as readFile, readlinkSync as readlink } from 'node:fs';
import { MAX_UNIX_TABLE, parseUnixTable, socketInode } from '../../daemons/unix-sockets.js';
import { DAEMON_PROCESSES } from '../../evidence/canonical.js';
import type { ProcessInfo } from '../../evidence/schema.js';
import { MAX_PROC_NET, tcp6InUse, tcpListenRows, tcpSocketName } from '../../formats/proc-net.js';
import { pickRelevant } from '../../proxy/env.js';
import { underRoot } from './files.js';
import { readProcSync } from './proc-read.js';

/** Longest command line kept (the kernel's own page is 4 KiB on old kernels; a daemon's argv is far below). */
export const MAX_CMDLINE = 64 * 1024;
/** Descriptors looked at per daemon: dockerd holds one per connection and container stream. */
export const MAX_FDS = 8192;

export function parseEnviron(raw: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** /proc/PID/cmdline: NUL-separated words, the last one NUL-terminated. */
export function parseCmdline(raw: string): string[] {
  const words = raw.slice(0, MAX_CMDLINE).split('\0');
  if (words.at(-1) === '') words.pop();
  return words;
}

/** sockstat6 counts no TCP6 socket (listeners included); false when it cannot say. */
function tcp6Unused(sockstat6: string): boolean {
  try {
    return tcp6InUse(readProcSync(sockstat6, 4096, { encoding: 'latin1' })) === 0;
  } catch {
    return false;
  }
}

/** The listening unix sockets this process holds, or undefined when its fds or socket table cannot be read. */
function socketsOf(
  root: string | undefined,
  pid: string,
  tables: Map<string, Map<number, string>>,
  tcp: boolean,
): string[] | undefined {
  try {
    const fds = readdir(underRoot(root, `/proc/${pid}/fd`)).slice(0, MAX_FDS);
    const inodes = new Set<number>();
    for (const fd of fds) {
      try {
        const inode = socketInode(readlink(underRoot(root, `/proc/${pid}/fd/${fd}`)));
        if (inode !== null) inodes.add(inode);
      } catch {
        // closed while we looked
      }
    }
    let ns: string;
    try {
      ns = readlink(underRoot(root, `/proc/${pid}/ns/net`));
    } catch {
      ns = `pid:${pid}`;
    }
    let table = tables.get(ns);
    if (!table) {
      table = parseUnixTable(readProcSync(underRoot(root, `/proc/${pid}/net/unix`), MAX_UNIX_TABLE));
      // Listening TCP sockets too ("tcp://ADDR:PORT"), for daemons reached by tcp:// (buildkitd --addr tcp://…):
      // only as far as the listeners, and tcp6 only when the namespace has a TCP6 socket at all (proc-read.ts).
      for (const v6 of tcp ? [false, true] : []) {
        try {
          if (v6 && tcp6Unused(underRoot(root, `/proc/${pid}/net/sockstat6`))) continue;
          const text = readProcSync(underRoot(root, `/proc/${pid}/net/tcp${v6 ? '6' : ''}`), MAX_PROC_NET, {
            listenersOnly: true,
            encoding: 'latin1',
          });
          for (const r of tcpListenRows(text, v6)) if (r.inode > 0) table.set(r.inode, tcpSocketName(r));
        } catch {
          // no IPv6 in this namespace
        }
      }
      tables.set(ns, table);
    }
    const paths = new Set<string>();
    for (const i of inodes) {
      const path = table.get(i);
      if (path) paths.add(path);
    }
    return [...paths].sort();
  } catch {
    return undefined; // another user's daemon: argv and pidfiles still tie it
  }
}

/**
 * The daemons running. Under --root DIR: DIR's proc/ when it has one; else this host's with `hostFallback` (the
 * doctor on a staged file tree beside real daemons, as the e2e suite runs it), none without (the wizard: a staged
 * machine must not adopt another daemon's proxy). With `tcp: false` a daemon's sockets are its unix ones only:
 * its namespace's TCP table is not read (the capture knows no tcp:// address to tie, daemons/tcp-address.ts).
 */
export async function scanProcesses(
  rootDir: string | undefined,
  hostFallback = true,
  o: { tcp?: boolean } = {},
): Promise<ProcessInfo[]> {
  let root = rootDir;
  let pids: string[];
  try {
    pids = readdir(underRoot(root, '/proc')).filter((n) => /^\d+$/.test(n));
  } catch {
    if (root === undefined || !hostFallback) return [];
    root = undefined;
    try {
      pids = readdir('/proc').filter((n) => /^\d+$/.test(n));
    } catch {
      return [];
    }
  }
  const tables = new Map<string, Map<number, string>>();
  const found = pids.map((pid): ProcessInfo | null => {
    let name: string;
    try {
      name = readFile(underRoot(root, `/proc/${pid}/comm`), 'utf8').trim();
    } catch {
      return null;
    }
    if (!(DAEMON_PROCESSES as readonly string[]).includes(name)) return null;
    let env: Record<string, string> | null = null;
    try {
      env = pickRelevant(parseEnviron(readFile(underRoot(root, `/proc/${pid}/environ`), 'utf8')));
    } catch {
      env = null;
    }
    const info: ProcessInfo = { name, pid: Number(pid), env };
    try {
      info.argv = parseCmdline(readProcSync(underRoot(root, `/proc/${pid}/cmdline`), MAX_CMDLINE));
    } catch {
      // exited while we looked
    }
    const sockets = socketsOf(root, pid, tables, o.tcp ?? true);
    if (sockets) info.sockets = sockets;
    return info;
  });
  return found.filter((p): p is ProcessInfo => p !== null).sort((a, b) => a.pid - b.pid);
}
