// Find running daemons: the environment they started with (/proc/PID/environ), their command line, and the unix
// sockets they listen on (/proc/PID/fd inodes looked up in their own namespace's /proc/PID/net/unix and tcp, so a
// rootless daemon inside rootlesskit's network namespace is found too).
// Synchronous reads: hundreds of tiny /proc files cost more in thread-pool round trips than in reading.
// Under --root DIR only DIR/proc is read (procDir): a tree without one has no processes captured, never this host's.
import {
  readdirSync as readdir,
  readlinkSync as readlink,
  realpathSync as realpath,
  statSync as stat,
} from 'node:fs';
import { dirname, join } from 'node:path';
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
/** /proc/PID/comm is at most 16 bytes (TASK_COMM_LEN); a hand-made tree's may be anything. */
const MAX_COMM = 256;
/** /proc/PID/environ: the kernel caps argv + envp near 2 MiB (ARG_MAX); proxy variables are a few hundred bytes. */
const MAX_ENVIRON = 2 * 1024 * 1024;

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
 * Where the running processes are read: this host's /proc, or under --root DIR only DIR/proc, and only when it is a
 * folder inside DIR (a bind mount of a real procfs is; a symlink out of the tree is not). null: DIR has no proc of
 * its own, so processes (their environment, command lines and sockets) are not captured — never this host's.
 */
export function procDir(root: string | undefined): string | null {
  if (root === undefined) return '/proc';
  try {
    const top = realpath(root);
    const dir = realpath(join(top, 'proc'));
    return dir === join(top, 'proc') && stat(dir).isDirectory() ? dir : null;
  } catch {
    return null;
  }
}

/**
 * The daemons running, read from procDir(root) only; none when it is null (the capture says "not captured"). With
 * `tcp: false` a daemon's sockets are its unix ones only: its namespace's TCP table is not read (the capture knows
 * no tcp:// address to tie, daemons/tcp-address.ts).
 */
export async function scanProcesses(
  rootDir: string | undefined,
  o: { tcp?: boolean } = {},
): Promise<ProcessInfo[]> {
  const proc = procDir(rootDir);
  if (proc === null) return [];
  // socketsOf and the reads below put /proc/PID/… under this root: the tree's real path, or this host's /
  const root = rootDir === undefined ? undefined : dirname(proc);
  let pids: string[];
  try {
    // folders only: a tree's PID entry that is a symlink (to this host's /proc/PID) is not the tree's process
    pids = readdir(proc, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^\d+$/.test(e.name))
      .map((e) => e.name);
  } catch {
    return [];
  }
  const tables = new Map<string, Map<number, string>>();
  const found = pids.map((pid): ProcessInfo | null => {
    let name: string;
    try {
      name = readProcSync(underRoot(root, `/proc/${pid}/comm`), MAX_COMM).trim();
    } catch {
      return null;
    }
    if (!(DAEMON_PROCESSES as readonly string[]).includes(name)) return null;
    let env: Record<string, string> | null = null;
    try {
      env = pickRelevant(parseEnviron(readProcSync(underRoot(root, `/proc/${pid}/environ`), MAX_ENVIRON)));
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
