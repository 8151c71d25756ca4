// One apply at a time. The lock file is created complete (pid written to a temp file, then hard-linked into
// place, which fails if it exists), so another process never sees an empty lock and mistakes it for a stale one.
import { link, readFile, unlink, writeFile } from 'node:fs/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LockBusyError extends Error {}

async function tryLock(path: string): Promise<boolean> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, String(process.pid), { mode: 0o644 });
  try {
    await link(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

export async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await tryLock(path)) {
      try {
        return await fn();
      } finally {
        await unlink(path).catch(() => undefined);
      }
    }
    const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (pid && alive(pid) && pid !== process.pid) {
      throw new LockBusyError(
        `another buildproxy apply (pid ${pid}) is running; wait for it, or remove ${path} if it is gone`,
      );
    }
    // The holder is gone: the lock is stale.
    await unlink(path).catch(() => undefined);
  }
  throw new LockBusyError(`cannot take the lock ${path}`);
}
