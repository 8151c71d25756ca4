// Pure parsers for the two /proc views that tie a unix socket path to the process serving it: a network
// namespace's socket table (/proc/PID/net/unix) and a process's open descriptors (/proc/PID/fd/* → "socket:[N]").

/** Longest table the doctor reads: a busy host has a few thousand sockets; anything beyond is cut, not parsed. */
export const MAX_UNIX_TABLE = 4 * 1024 * 1024;

// "Num RefCount Protocol Flags Type St Inode [Path]" (net/unix/af_unix.c, unix_seq_show).
const ROW = /^[0-9a-fA-F]+: [0-9A-F]+ [0-9A-F]+ ([0-9A-F]+) [0-9A-F]+ [0-9A-F]+ +(\d+)(?: (.*))?$/;
/** __SO_ACCEPTCON: the socket listens (a bound, accepting server socket). */
const SO_ACCEPTCON = 0x10000;

/** inode → socket path of every named, listening socket in the table (abstract sockets keep their "@"). */
export function parseUnixTable(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const body = text.length > MAX_UNIX_TABLE ? text.slice(0, MAX_UNIX_TABLE) : text;
  for (const line of body.split('\n')) {
    const m = ROW.exec(line);
    if (!m?.[3]) continue;
    if ((Number.parseInt(m[1]!, 16) & SO_ACCEPTCON) === 0) continue;
    out.set(Number(m[2]), m[3]);
  }
  return out;
}

/** The inode in a descriptor's link target, "socket:[12345]", or null for anything else. */
export function socketInode(linkTarget: string): number | null {
  const m = /^socket:\[(\d{1,12})\]$/.exec(linkTarget);
  return m ? Number(m[1]) : null;
}

/**
 * /var/run is a symlink to /run on every current distribution, and a daemon binds whichever spelling it was given
 * (docker.socket binds /run/docker.sock, the CLI defaults to /var/run/docker.sock). Compare both as /run.
 */
export function canonicalSocketPath(path: string): string {
  const p = path.replace(/\/{2,}/g, '/');
  return p.startsWith('/var/run/') ? p.slice('/var'.length) : p;
}
