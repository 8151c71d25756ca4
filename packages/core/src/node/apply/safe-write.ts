// Where a write may happen, and as whom. The path is walked from the root (/, or --root) one component at a
// time with lstat:
//   - a directory only root (or we) can change is trusted: root may work there itself;
//   - a symbolic link is followed only if it sits in a trusted directory and belongs to root: an
//     administrator's /home -> /var/home. Its target is re-read from the root, so it never leaves --root. Any
//     other link, in any component, is refused with its name;
//   - the first directory owned by another user (a home, ~/.docker, a --root tree someone else owns) ends the
//     walk: everything below it is done by a child process running as that user (uid and primary gid, no
//     supplementary groups), which follows no link at all. Root never writes there and chowns afterwards;
//   - a root-owned directory others may write to is refused, unless it is sticky (/tmp): there others cannot
//     rename or remove root's entries, the next component is checked like any other, and the file itself is
//     created under a random O_EXCL name and renamed (the kernel refuses to rename over someone else's file).
import { lstatSync, readFileSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { type FileOpRequest, type FileOpResult, fileOp } from './file-op.js';

export type WalkResult =
  | { ok: true; start: string; dirs: string[]; name: string; as: { uid: number; gid: number } | null }
  | { ok: false; code: 'symlink' | 'not-regular' | 'access' | 'error'; message: string };

const euid = () => process.geteuid?.() ?? -1;

function trustedDir(st: Stats): boolean {
  if ((st.uid === 0 || st.uid === euid()) && (st.mode & 0o022) === 0) return true;
  // /tmp: others may add names but not rename or remove root's; what lies below is checked on its own.
  return st.uid === 0 && (st.mode & 0o1000) !== 0;
}

/** The primary group of a uid, from the machine's own /etc/passwd (never from a --root tree). */
export function primaryGid(uid: number, fallback: number): number {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && Number(f[2]) === uid) return Number(f[3]);
    }
  } catch {
    // no passwd: the directory's group
  }
  return fallback;
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** `path` is absolute, as the plan spells it; `root` is the folder standing for / (trusted: the caller chose it). */
export function walk(root: string, path: string): WalkResult {
  const top = realpathSync(root);
  const join = (stack: string[]) => (stack.length ? `${top === '/' ? '' : top}/${stack.join('/')}` : top);
  const shown = (stack: string[]) => `/${stack.join('/')}`;
  const parts = path.split('/').filter((p) => p !== '');
  const name = parts.pop();
  if (!name || parts.some((p) => p === '..' || p === '.') || name === '..' || name === '.')
    return { ok: false, code: 'error', message: `${path} is not a plain absolute path` };
  const handOff = (stack: string[], rest: string[], st: Stats): WalkResult => {
    if (euid() === 0 && st.uid !== 0)
      return {
        ok: true,
        start: join(stack),
        dirs: rest,
        name,
        as: { uid: st.uid, gid: primaryGid(st.uid, st.gid) },
      };
    if (euid() === 0 && st.uid === 0) {
      return {
        ok: false,
        code: 'access',
        message: `${shown(stack)} is writable by other users (mode ${(st.mode & 0o7777).toString(8)}); buildproxy will not write there as root`,
      };
    }
    return { ok: true, start: join(stack), dirs: rest, name, as: null };
  };
  const topSt = lstatSync(top);
  if (!trustedDir(topSt)) return handOff([], parts, topSt);
  const stack: string[] = [];
  const queue = [...parts];
  let hops = 0;
  while (queue.length) {
    const comp = queue.shift()!;
    if (comp === '' || comp === '.') continue;
    if (comp === '..') {
      stack.pop(); // at the root it stays at the root: a link cannot climb out of --root
      continue;
    }
    const here = [...stack, comp];
    const st = lstatOrNull(join(here));
    if (st === null) return { ok: true, start: join(stack), dirs: [comp, ...queue], name, as: null };
    if (st.isSymbolicLink()) {
      const target = readlinkSync(join(here));
      if (st.uid !== 0 || ++hops > 40) {
        return {
          ok: false,
          code: 'symlink',
          message: `${shown(here)} is a symbolic link (to ${target}) that root did not make; buildproxy does not follow it. Replace it with a directory, or plan for the path it points to`,
        };
      }
      if (target.startsWith('/')) stack.length = 0;
      queue.unshift(...target.split('/'));
      continue;
    }
    if (!st.isDirectory())
      return { ok: false, code: 'not-regular', message: `${shown(here)} is not a directory (in ${path})` };
    stack.push(comp);
    if (!trustedDir(st)) return handOff(stack, queue, st);
  }
  return { ok: true, start: join(stack), dirs: [], name, as: null };
}

/** Child program: reads one request on stdin, answers on stdout. Built from fileOp's own source text. */
const CHILD = `const f=(${fileOp.toString()});process.stdout.write(JSON.stringify(f(JSON.parse(require('fs').readFileSync(0,'utf8')))))`;

/** The same, inside the single executable (which runs no -e): `buildproxy __file-op` calls this. */
export function fileOpChild(): void {
  process.stdout.write(JSON.stringify(fileOp(JSON.parse(readFileSync(0, 'utf8')) as FileOpRequest)));
}

function isSea(): boolean {
  try {
    return (process.getBuiltinModule('node:sea') as { isSea(): boolean }).isSea();
  } catch {
    return false;
  }
}

export function runFileOp(req: FileOpRequest, as: { uid: number; gid: number } | null): FileOpResult {
  if (as === null) return fileOp(req);
  const { spawnSync } = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
  const r = spawnSync(process.execPath, isSea() ? ['__file-op'] : ['-e', CHILD], {
    input: JSON.stringify(req),
    uid: as.uid,
    gid: as.gid,
    cwd: '/',
    env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' },
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1024 * 1024,
  });
  try {
    return JSON.parse(r.stdout) as FileOpResult;
  } catch {
    return {
      ok: false,
      code: 'error',
      message: `cannot write ${req.shown} as uid ${as.uid}: ${(r.error?.message ?? r.stderr ?? '').trim().split('\n')[0] || `exit ${r.status}`}`,
    };
  }
}

export interface SafeWriteOptions
  extends Omit<FileOpRequest, 'op' | 'start' | 'dirs' | 'name' | 'shown' | 'content'> {
  root?: string;
  /** the name to show (default: the path) */
  shown?: string;
}

/** Walk to path under root, then run one request there, named as shown (default: the path). */
function opAt(
  path: string,
  opts: Omit<SafeWriteOptions, 'mode' | 'dirMode'>,
  req: Pick<FileOpRequest, 'op' | 'mode' | 'dirMode' | 'content'>,
): FileOpResult {
  const w = walk(opts.root ?? '/', path);
  if (!w.ok) return w;
  const { root: _root, shown, ...rest } = opts;
  return runFileOp(
    { ...rest, ...req, start: w.start, dirs: w.dirs, name: w.name, shown: shown ?? path },
    w.as,
  );
}

/** Replace (or create) one file under root, by the rules above. */
export function safeWrite(path: string, content: string | Buffer, opts: SafeWriteOptions): FileOpResult {
  return opAt(path, opts, {
    op: 'replace',
    mode: opts.mode,
    dirMode: opts.dirMode,
    content: Buffer.from(content).toString('base64'),
  });
}

export function safeRemove(path: string, opts: Omit<SafeWriteOptions, 'mode' | 'dirMode'>): FileOpResult {
  return opAt(path, opts, { op: 'remove', mode: 0o600, dirMode: 0o700 });
}

/**
 * A file the user named on the command line (plan -o, doctor --capture, the wizard's save): it may hold the
 * proxy credentials, so it is 0600 (an existing looser mode is tightened, and said); a link is refused; a missing
 * folder is an error; written as the folder's owner under sudo.
 */
export function writePrivateFile(path: string, content: string): FileOpResult {
  return safeWrite(resolve(path), content, {
    mode: 0o600,
    dirMode: 0o700,
    createDirs: false,
    credential: true,
    shown: path,
  });
}
