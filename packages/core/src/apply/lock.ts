// One apply at a time: an O_EXCL lock file holding our pid; a lock whose process is gone is taken over.
import { open, readFile, unlink } from 'node:fs/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LockBusyError extends Error {}

export async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const h = await open(path, 'wx', 0o644);
      await h.writeFile(String(process.pid));
      await h.close();
      try {
        return await fn();
      } finally {
        await unlink(path).catch(() => undefined);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && alive(pid) && pid !== process.pid) {
        throw new LockBusyError(
          `another buildproxy apply (pid ${pid}) is running; wait for it, or remove ${path} if it is gone`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new LockBusyError(`cannot take the lock ${path}`);
}
