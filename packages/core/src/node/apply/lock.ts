// One apply at a time. The lock is a file made complete under a random O_CREAT|O_EXCL|O_NOFOLLOW name and
// hard-linked into place (link fails if it exists), in a directory the caller picks
// (a root-only runtime directory, or the --root tree), holding "PID STARTTIME": a pid alone can be reused, and a
// lock whose process is gone, or that is not our own regular file, is stale or foreign and never blocks.

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';

export class LockBusyError extends Error {}

/** Start time of a process in clock ticks since boot (/proc/PID/stat field 22); null when it is gone. */
export function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number, start: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTime(pid);
  // Without /proc (not Linux) the pid is all there is.
  return now === null ? !start : now === start;
}

function me(): string {
  return `${process.pid} ${startTime(process.pid) ?? ''}\n`;
}

/** The lock appears complete or not at all: written under a random name, then hard-linked into place. */
function tryCreate(path: string): boolean {
  const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  let fd: number;
  try {
    fd = openSync(
      tmp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
    );
  } catch (e) {
    throw new LockBusyError(
      `cannot create the lock ${path} (${(e as NodeJS.ErrnoException).code}); nothing was written`,
    );
  }
  try {
    writeSync(fd, me());
    closeSync(fd);
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // gone
    }
  }
}

/** Why the existing lock does not count (stale, foreign), or null while its holder runs. */
function staleReason(path: string): { reason: string; text: string } | { busy: number } {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch {
    return { reason: 'gone', text: '' };
  }
  const uid = process.geteuid?.() ?? -1;
  if (!st.isFile() || (uid >= 0 && st.uid !== uid)) return { reason: 'foreign', text: '' };
  let text = '';
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (fstatSync(fd).size < 100) text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return { reason: 'gone', text: '' };
  }
  const [pid, start] = text.trim().split(' ');
  if (alive(Number(pid), start) && Number(pid) !== process.pid) return { busy: Number(pid) };
  return { reason: 'stale', text };
}

/** Move a stale lock aside, and delete it only if it is still the one we judged (not a fresh lock). */
function breakLock(path: string, judged: string): void {
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else broke it
  }
  let now = '';
  try {
    const st = lstatSync(aside);
    now = st.isFile() ? readFileSync(aside, 'utf8') : '';
  } catch {
    // gone
  }
  if (now !== judged && judged !== '') {
    // A fresh lock was taken between our look and the rename: put it back.
    try {
      linkSync(aside, path);
    } catch {
      // a third process holds it now; the fresh one is lost either way
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    throw new LockBusyError(`the lock ${path} is not a file buildproxy made; remove ${aside}`);
  }
}

export async function withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) {
      try {
        return await fn();
      } finally {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    }
    const s = staleReason(path);
    if ('busy' in s) {
      throw new LockBusyError(
        `another buildproxy apply (pid ${s.busy}) is running; wait for it to finish (the lock ${path} frees itself when it exits)`,
      );
    }
    breakLock(path, s.reason === 'foreign' ? '' : s.text);
  }
  throw new LockBusyError(`cannot take the lock ${path}`);
}
