// long because: one self-contained function (it is also the program a de-privileged child runs, from its source
// text), so its helpers cannot live outside it.
//
// The one place buildproxy replaces or removes a file. It starts from a directory the caller has already checked
// (every component above it trusted), walks the rest one component at a time through /proc/self/fd/N/NAME with
// O_NOFOLLOW (an emulated openat: no symbolic link in any component is ever followed), and then:
//   - refuses a symbolic link, directory, FIFO, socket or device as the target, naming it;
//   - checks the bytes on disk against the plan's hash (nothing is written over a file that changed);
//   - refuses text that is not UTF-8 (it cannot be edited without loss);
//   - copies the old bytes to a backup that never overwrites anything (O_CREAT|O_EXCL, unique name);
//   - writes the new bytes to a temp file with a random name (O_CREAT|O_EXCL|O_NOFOLLOW) in the same directory,
//     copies the old file's owner (only in a root-only directory), mode and extended attributes/ACL onto it, fsyncs,
//     renames it over the target and fsyncs the directory.
// Any failure (ENOSPC included) removes what this call created: the original stays as it was.

export interface FileOpRequest {
  op: 'replace' | 'remove';
  /** absolute path of a directory every component of which has been checked; walking starts here */
  start: string;
  /** components under start leading to the file's directory (created when missing) */
  dirs: string[];
  name: string;
  /** the path to name in messages (as the plan spells it) */
  shown: string;
  /** base64 of the new content (replace) */
  content?: string;
  /** mode of a new file */
  mode: number;
  /** mode of directories created on the way */
  dirMode: number;
  /** false: a missing directory is an error, not created (output files the user named) */
  createDirs?: boolean;
  /** sha256 hex the current bytes must have; null: the file must not exist; undefined: anything is fine */
  expect?: string | null;
  /** the file holds a credential: a group/other-readable mode is tightened to `mode` */
  credential?: boolean;
  backup?: boolean;
  /** backup name stem: NAME.buildproxy-STAMP.bak */
  stamp?: string;
  /** refuse current content that is not valid UTF-8 */
  utf8?: boolean;
  dryRun?: boolean;
  /** tests only: pause at this named point ("NAME:temp-written"), announcing it as a file in hookDir */
  hookAt?: string;
  hookDir?: string;
}

export type FileOpResult =
  | {
      ok: true;
      status: 'written' | 'unchanged' | 'would-write' | 'removed' | 'absent';
      backup: string | null;
      notes: string[];
    }
  | {
      ok: false;
      code:
        | 'changed'
        | 'symlink'
        | 'not-regular'
        | 'not-utf8'
        | 'no-space'
        | 'access'
        | 'too-large'
        | 'error';
      message: string;
    };

export function fileOp(req: FileOpRequest): FileOpResult {
  const fs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
  const crypto = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  const cp = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
  const C = fs.constants;
  const MAX = 16 * 1024 * 1024;
  const procFd = fs.existsSync('/proc/self/fd');
  const fdPath = (fd: number, name: string, dirPath: string) =>
    procFd ? `/proc/self/fd/${fd}/${name}` : `${dirPath}/${name}`;
  // A file that must not exist yet, opened for writing, 0600, never through a link.
  const createNew = (fd: number, name: string, dirPath: string) =>
    fs.openSync(fdPath(fd, name, dirPath), C.O_WRONLY | C.O_CREAT | C.O_EXCL | C.O_NOFOLLOW, 0o600);
  const opened: number[] = [];
  const created: { dirFd: number; dirPath: string; name: string }[] = [];
  const fail = (code: Extract<FileOpResult, { ok: false }>['code'], message: string): FileOpResult => ({
    ok: false,
    code,
    message,
  });
  const hook = (point: string) => {
    if (!req.hookDir || req.hookAt !== `${req.name}:${point}`) return;
    fs.writeFileSync(`${req.hookDir}/${req.name}:${point}`, String(process.pid));
    // Pause so the test can kill the process exactly here; it resumes by itself after a while.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
  };
  const describe = (st: import('node:fs').Stats) =>
    st.isDirectory()
      ? 'a directory'
      : st.isFIFO()
        ? 'a FIFO'
        : st.isSocket()
          ? 'a socket'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : 'not a regular file';
  const lstatAt = (fd: number, dirPath: string, name: string) => {
    try {
      return fs.lstatSync(fdPath(fd, name, dirPath));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  const openDir = (fd: number | null, dirPath: string, name: string | null) => {
    const path = fd === null ? dirPath : fdPath(fd, name!, dirPath);
    const d = fs.openSync(path, C.O_RDONLY | C.O_DIRECTORY | C.O_NOFOLLOW);
    opened.push(d);
    return d;
  };
  const writable = (fd: number, dirPath: string) => {
    try {
      fs.accessSync(procFd ? `/proc/self/fd/${fd}` : dirPath, C.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  const linkMessage = (p: string, target: string) =>
    `${p} is a symbolic link (to ${target}); buildproxy never writes through a link. Edit the file it points to, or replace the link with a regular file`;

  try {
    // 1. Walk to the file's directory, creating what is missing, following no link.
    let dirPath = req.start;
    let dirFd = openDir(null, req.start, null);
    for (const comp of req.dirs) {
      const next = `${dirPath === '/' ? '' : dirPath}/${comp}`;
      let st = lstatAt(dirFd, dirPath, comp);
      if (st === null) {
        if (req.op === 'remove') return { ok: true, status: 'absent', backup: null, notes: [] };
        if (req.createDirs === false)
          return fail('error', `the folder ${next} does not exist; create it first`);
        if (req.dryRun) {
          if (!writable(dirFd, dirPath))
            return fail('access', `cannot write ${req.shown}: ${dirPath} is not writable`);
          return { ok: true, status: 'would-write', backup: null, notes: [] };
        }
        try {
          fs.mkdirSync(fdPath(dirFd, comp, dirPath), { mode: req.dirMode });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        st = lstatAt(dirFd, dirPath, comp);
      }
      if (st?.isSymbolicLink())
        return fail('symlink', linkMessage(next, fs.readlinkSync(fdPath(dirFd, comp, dirPath))));
      if (!st?.isDirectory()) return fail('not-regular', `${next} is ${st ? describe(st) : 'missing'}`);
      dirFd = openDir(dirFd, dirPath, comp);
      dirPath = next;
    }
    if (req.dryRun && !writable(dirFd, dirPath))
      return fail('access', `cannot write ${req.shown}: ${dirPath} is not writable`);
    // 2. What is there now.
    const st = lstatAt(dirFd, dirPath, req.name);
    if (st?.isSymbolicLink())
      return fail('symlink', linkMessage(req.shown, fs.readlinkSync(fdPath(dirFd, req.name, dirPath))));
    if (st && !st.isFile())
      return fail(
        'not-regular',
        `${req.shown} is ${describe(st)}, not a regular file; buildproxy writes only regular files`,
      );
    let old: Buffer | null = null;
    if (st) {
      if (st.size > MAX) return fail('too-large', `${req.shown} is larger than 16 MiB`);
      const fd = fs.openSync(fdPath(dirFd, req.name, dirPath), C.O_RDONLY | C.O_NOFOLLOW | C.O_NONBLOCK);
      opened.push(fd);
      const fst = fs.fstatSync(fd);
      if (!fst.isFile() || fst.ino !== st.ino || fst.dev !== st.dev)
        return fail('changed', `${req.shown} was replaced while buildproxy was reading it`);
      old = fs.readFileSync(fd);
    }
    const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
    const next = req.op === 'replace' ? Buffer.from(req.content ?? '', 'base64') : null;
    if (req.op === 'remove') {
      if (old === null) return { ok: true, status: 'absent', backup: null, notes: [] };
    } else if (old !== null && next !== null && old.equals(next)) {
      return { ok: true, status: 'unchanged', backup: null, notes: [] };
    }
    if (req.utf8 && old !== null) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(old);
      } catch {
        return fail(
          'not-utf8',
          `${req.shown} is not UTF-8 text; buildproxy cannot edit it without changing other bytes. Convert it to UTF-8 (iconv -f latin1 -t utf-8) or edit it by hand`,
        );
      }
    }
    if (req.expect === null && old !== null)
      return fail('changed', 'the file was created since the plan was made');
    if (typeof req.expect === 'string') {
      if (old === null) return fail('changed', 'the file was deleted since the plan was made');
      if (sha(old) !== req.expect) return fail('changed', 'the file changed since the plan was made');
    }
    const notes: string[] = [];
    let mode = st ? st.mode & 0o7777 : req.mode;
    if (st && req.credential && (mode & 0o077) !== 0) {
      notes.push(
        `mode tightened from ${mode.toString(8).padStart(4, '0')} to ${req.mode.toString(8).padStart(4, '0')}: it holds the proxy credentials`,
      );
      mode = req.mode;
    }
    if (req.dryRun) return { ok: true, status: 'would-write', backup: null, notes };
    const euid = process.geteuid?.() ?? -1;

    // 3. Backup: a byte-for-byte copy under a name nothing else has.
    let backup: string | null = null;
    if (old !== null && req.backup) {
      for (let i = 1; backup === null; i++) {
        const b = `${req.name}.buildproxy-${req.stamp ?? 'backup'}${i === 1 ? '' : `-${i}`}.bak`;
        let fd: number;
        try {
          fd = createNew(dirFd, b, dirPath);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST' && i < 1000) continue;
          throw e;
        }
        created.push({ dirFd, dirPath, name: b });
        opened.push(fd);
        fs.writeFileSync(fd, old);
        fs.fsyncSync(fd);
        backup = b;
      }
      hook('backup-written');
    }
    if (req.op === 'remove') {
      fs.unlinkSync(fdPath(dirFd, req.name, dirPath));
      created.length = 0;
      fs.fsyncSync(dirFd);
      return { ok: true, status: 'removed', backup, notes };
    }

    // 4. The new content in a temp file nobody can predict or pre-create, then one rename.
    let tmp = '';
    let tfd = -1;
    for (let i = 0; tfd < 0; i++) {
      tmp = `.${req.name}.buildproxy-${crypto.randomBytes(8).toString('hex')}.tmp`;
      try {
        tfd = createNew(dirFd, tmp, dirPath);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || i > 10) throw e;
      }
    }
    opened.push(tfd);
    created.push({ dirFd, dirPath, name: tmp });
    fs.writeFileSync(tfd, next!);
    if (st && process.platform === 'linux') {
      // Extended attributes and ACLs of the old file: coreutils copies them by the descriptors' paths.
      const self = `/proc/${process.pid}/fd`;
      const r = cp.spawnSync(
        'cp',
        [
          '--attributes-only',
          '--no-dereference',
          '--preserve=mode,xattr',
          `${self}/${dirFd}/${req.name}`,
          `${self}/${dirFd}/${tmp}`,
        ],
        { encoding: 'utf8', timeout: 10_000, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' } },
      );
      if (r.status !== 0)
        return fail(
          'error',
          `cannot keep the extended attributes/ACL of ${req.shown} (${(r.stderr || r.error?.message || '').trim()}); nothing was written`,
        );
    }
    if (st && euid === 0 && (st.uid !== 0 || st.gid !== 0)) fs.fchownSync(tfd, st.uid, st.gid);
    fs.fchmodSync(tfd, mode);
    fs.fsyncSync(tfd);
    hook('temp-written');
    fs.renameSync(fdPath(dirFd, tmp, dirPath), fdPath(dirFd, req.name, dirPath));
    created.pop();
    created.length = 0;
    fs.fsyncSync(dirFd);
    hook('renamed');
    return { ok: true, status: 'written', backup, notes };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    for (const c of created.reverse()) {
      try {
        fs.unlinkSync(fdPath(c.dirFd, c.name, c.dirPath));
      } catch {
        // already gone
      }
    }
    if (err.code === 'ENOSPC' || err.code === 'EDQUOT')
      return fail(
        'no-space',
        `no space left to write ${req.shown}; nothing was changed (free some space and apply again)`,
      );
    if (err.code === 'ELOOP' || err.code === 'ENOTDIR')
      return fail('symlink', `a component of ${req.shown} was replaced by a link or a file while writing`);
    if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS')
      return fail('access', `cannot write ${req.shown}: ${err.code}`);
    return fail('error', `cannot write ${req.shown}: ${err.code ?? err.message}`);
  } finally {
    for (const fd of opened.reverse()) {
      try {
        fs.closeSync(fd);
      } catch {
        // closed
      }
    }
  }
}
