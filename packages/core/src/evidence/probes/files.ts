// Read files for the evidence bundle, optionally under a different root (--root DIR).
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

const MAX_FILE = 1024 * 1024;

export function underRoot(root: string | undefined, path: string): string {
  return root ? join(root, path) : path;
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
      const [real, top] = await Promise.all([realpath(target), realpath(root)]);
      if (real !== top && !real.startsWith(`${top}/`)) return null;
    }
    const buf = await readFile(target);
    return buf.subarray(0, MAX_FILE).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? 'unreadable' : null;
  }
}

export async function listConf(root: string | undefined, dir: string): Promise<string[]> {
  try {
    const names = await readdir(underRoot(root, dir));
    return names
      .filter((n) => n.endsWith('.conf'))
      .sort()
      .map((n) => `${dir}/${n}`);
  } catch {
    return [];
  }
}

/** Entry names of a folder; empty when it is absent or unreadable. */
export async function listDir(root: string | undefined, dir: string): Promise<string[]> {
  try {
    return (await readdir(underRoot(root, dir))).sort();
  } catch {
    return [];
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
