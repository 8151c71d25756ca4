// Write a file so that it is at every instant either the old content or the new: temp file in the same folder,
// fsync, rename over, fsync the folder. Mode and owner of an existing file are kept.
import { constants } from 'node:fs';
import { chmod, chown, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function fsyncDir(dir: string): Promise<void> {
  let h: Awaited<ReturnType<typeof open>> | undefined;
  try {
    h = await open(dir, constants.O_RDONLY);
    await h.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic.
  } finally {
    await h?.close();
  }
}

export async function ensureDir(dir: string, mode: number): Promise<void> {
  await mkdir(dir, { recursive: true, mode });
}

export async function writeAtomic(
  path: string,
  content: string,
  opts: { mode: number; keepFrom?: string },
): Promise<void> {
  const dir = dirname(path);
  let mode = opts.mode;
  let owner: { uid: number; gid: number } | null = null;
  try {
    const st = await stat(opts.keepFrom ?? path);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch {
    // new file: the plan's mode
  }
  const tmp = join(dir, `.${basename(path)}.buildproxy-tmp-${process.pid}`);
  const h = await open(tmp, 'w', mode);
  try {
    await h.writeFile(content, 'utf8');
    await h.sync();
  } finally {
    await h.close();
  }
  try {
    await chmod(tmp, mode); // umask may have narrowed it
    if (owner && typeof process.getuid === 'function' && process.getuid() === 0)
      await chown(tmp, owner.uid, owner.gid);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncDir(dir);
}
