// Read files for the evidence bundle, optionally under a different root (--root DIR).
// Synchronous reads of small local files: a few dozen of them take well under a millisecond this way, several
// through the thread pool. They run while the daemon and the spawned probes work.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync as readdir,
  readSync,
  realpathSync as realpath,
  statSync as stat,
} from 'node:fs';
import { join } from 'node:path';

const MAX_FILE = 1024 * 1024;

export function underRoot(root: string | undefined, path: string): string {
  return root ? join(root, path) : path;
}

/** What reading a file of untrusted size and type gave. */
export type Bounded =
  | { text: string }
  | { problem: 'absent' | 'unreadable' | 'not-a-file' }
  | { problem: 'too-large'; size: number };

/**
 * A regular file of at most `max` bytes. Opened non-blocking and checked with fstat, so a FIFO or a device
 * (/dev/zero) where a file should be can neither block nor fill memory; a larger file is reported as such,
 * never truncated into something that looks malformed.
 */
/** `flags` are added to the open (O_NOFOLLOW); with `owner`, a file another uid owns is 'unreadable'. */
export function readBounded(path: string, max: number, flags = 0, owner?: number): Bounded {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | flags);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ELOOP: O_NOFOLLOW met a symlink
    return { problem: code === 'EACCES' || code === 'EPERM' || code === 'ELOOP' ? 'unreadable' : 'absent' };
  }
  try {
    const st = fstatSync(fd);
    if (owner !== undefined && st.uid !== owner) return { problem: 'unreadable' };
    if (!st.isFile()) return { problem: 'not-a-file' };
    if (st.size > max) return { problem: 'too-large', size: st.size };
    // One byte more than allowed: a file that grew since fstat is still caught.
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let n = 0;
    while (n < buf.length) {
      const r = readSync(fd, buf, n, buf.length - n, n);
      if (r === 0) break;
      n += r;
    }
    if (n > max) return { problem: 'too-large', size: n };
    return { text: buf.subarray(0, n).toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'EACCES' || code === 'EPERM' ? 'unreadable' : 'absent' };
  } finally {
    closeSync(fd);
  }
}

/**
 * A file in another user's home, read as root: opened without following a final symlink, and kept only when
 * that user owns it. A user can point a symlink or a hard link at any file, but cannot own /etc/shadow or
 * another user's files, so nothing they could not read themselves reaches the capture.
 */
export function readOwnedBy(path: string, uid: number, max = MAX_FILE): Bounded {
  return readBounded(path, max, constants.O_NOFOLLOW, uid);
}

/**
 * Content; null when absent or not a regular file; 'unreadable' when it exists but permission is denied;
 * 'too-large' past MAX_FILE.
 */
export async function readText(
  root: string | undefined,
  path: string,
  /** the uid that must own it (a file in the sudo user's home): read with O_NOFOLLOW */
  owner?: number,
): Promise<string | null | 'unreadable' | 'too-large'> {
  const target = underRoot(root, path);
  if (root) {
    try {
      // A symlink in a --root tree must not reach out of it into this machine's files.
      const [real, top] = [realpath(target), realpath(root)];
      if (real !== top && !real.startsWith(`${top}/`)) return null;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'EACCES' || code === 'EPERM' ? 'unreadable' : null;
    }
  }
  const r = owner === undefined ? readBounded(target, MAX_FILE) : readOwnedBy(target, owner);
  if ('text' in r) return r.text;
  return r.problem === 'unreadable' || r.problem === 'too-large' ? r.problem : null;
}

export async function listConf(root: string | undefined, dir: string): Promise<string[]> {
  return (await listDir(root, dir)).filter((n) => n.endsWith('.conf')).map((n) => `${dir}/${n}`);
}

/** Entry names of a folder; empty when it is absent or unreadable. */
export async function listDir(root: string | undefined, dir: string): Promise<string[]> {
  try {
    return readdir(underRoot(root, dir)).sort();
  } catch {
    return [];
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return stat(path).isDirectory();
  } catch {
    return false;
  }
}
