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

/**
 * At most MAX_FILE bytes of a regular file, or null. Opened non-blocking and checked with fstat, so a FIFO or a
 * device (/dev/zero) where a config file should be can neither block the doctor nor fill its memory.
 */
function readRegular(path: string): string | null {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    const buf = Buffer.alloc(Math.min(st.size, MAX_FILE));
    let n = 0;
    while (n < buf.length) {
      const r = readSync(fd, buf, n, buf.length - n, n);
      if (r === 0) break;
      n += r;
    }
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Content; null when absent or not a regular file; 'unreadable' when it exists but permission is denied. */
export async function readText(
  root: string | undefined,
  path: string,
): Promise<string | null | 'unreadable'> {
  try {
    const target = underRoot(root, path);
    if (root) {
      // A symlink in a --root tree must not reach out of it into this machine's files.
      const [real, top] = [realpath(target), realpath(root)];
      if (real !== top && !real.startsWith(`${top}/`)) return null;
    }
    return readRegular(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? 'unreadable' : null;
  }
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
