// Under sudo: who typed the command, and the environment they typed it in. SUDO_USER names the user (sudo sets
// it; checked against /etc/passwd and SUDO_UID). The environment is read from the sudo process above us: sudo is
// setuid root, so that process runs with the user's real uid and effective uid 0, and no user can forge one.
// Its /proc/PID/environ is the environment sudo was started with, before env_reset.
import { closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { droppedBySudo, parseProcStat, parseProcUids, type SudoEvidence } from '../../evidence/sudo.js';
import { pickRelevant } from '../../proxy/env.js';
import { passwdEntry } from '../apply/plan-guard.js';
import { parseEnviron } from './processes.js';

/** A process environment is at most ARG_MAX (2 MiB on Linux, shared with argv): larger is not an environ. */
export const MAX_ENVIRON = 2 * 1024 * 1024;
/** sudo is the parent, or the grandparent under use_pty (its monitor) or through a shell wrapper (npx, a shim). */
const MAX_ANCESTORS = 8;

export interface Invoker {
  name: string;
  uid: number;
  gid: number;
  home: string;
  /** the user's environment before sudo reset it; null when no sudo process could be read */
  env: Record<string, string> | null;
  /** why env is null, for the report */
  envProblem?: string;
}

/** At most `cap` bytes of a /proc file (no size to stat), or null when it is larger. */
function readProc(path: string, cap: number): string | null {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const buf = Buffer.alloc(cap + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    return n > cap ? null : buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The environment of the nearest sudo ancestor run by `uid`, or why there is none. */
export function sudoEnvironment(
  uid: number,
  proc = '/proc',
  start = process.ppid,
): { env: Record<string, string> } | { problem: string } {
  let pid = start;
  for (let i = 0; i < MAX_ANCESTORS && pid > 1; i++) {
    let stat: ReturnType<typeof parseProcStat>;
    let uids: ReturnType<typeof parseProcUids>;
    try {
      stat = parseProcStat(readFileSync(`${proc}/${pid}/stat`, 'utf8'));
      uids = parseProcUids(readFileSync(`${proc}/${pid}/status`, 'utf8'));
    } catch {
      return { problem: `process ${pid} could not be read` };
    }
    if (!stat || !uids) return { problem: `process ${pid} could not be read` };
    if (stat.comm === 'sudo' && uids.real === uid && uids.effective === 0) {
      try {
        const raw = readProc(`${proc}/${pid}/environ`, MAX_ENVIRON);
        if (raw === null) return { problem: `the environment of sudo (pid ${pid}) is larger than 2 MiB` };
        return { env: parseEnviron(raw) };
      } catch {
        return { problem: `the environment of sudo (pid ${pid}) could not be read` };
      }
    }
    pid = stat.ppid;
  }
  return { problem: `no sudo process run by uid ${uid} among this process's ${MAX_ANCESTORS} parents` };
}

/**
 * The user behind sudo, when this process is root through sudo; null otherwise (not root, no SUDO_USER, root
 * itself, or SUDO_USER and SUDO_UID that /etc/passwd does not confirm).
 */
export function sudoInvoker(env: NodeJS.ProcessEnv = process.env, proc = '/proc'): Invoker | null {
  if ((process.geteuid?.() ?? -1) !== 0) return null;
  const name = env.SUDO_USER;
  const uid = Number(env.SUDO_UID);
  if (!name || name === 'root' || !Number.isInteger(uid) || uid <= 0) return null;
  const entry = passwdEntry(name);
  if (!entry || entry.uid !== uid || !entry.home.startsWith('/')) return null;
  const found = sudoEnvironment(uid, proc);
  return {
    name,
    uid,
    gid: entry.gid,
    home: entry.home.replace(/\/+$/, '') || '/',
    env: 'env' in found ? found.env : null,
    ...('problem' in found ? { envProblem: found.problem } : {}),
  };
}

/** Commands that act for the user who runs builds: under sudo they run as that user. */
export function isUserCommand(argv: readonly string[]): boolean {
  return argv[0] === 'docker' || argv[0] === 'buildctl' || (argv[0] === 'systemctl' && argv[1] === '--user');
}

/** The environment the sudo user's commands run with: theirs when it was recovered, else a minimal one. */
export function invokerEnv(u: Invoker, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = u.env ?? { ...pickRelevant(env), PATH: env.PATH ?? '/usr/bin:/bin' };
  return {
    XDG_RUNTIME_DIR: `/run/user/${u.uid}`,
    ...base,
    HOME: u.home,
    USER: u.name,
    LOGNAME: u.name,
  };
}

/** A path in the sudo user's home or their DOCKER_CONFIG: theirs to point anywhere, so read as theirs only. */
export function inUserDirs(path: string, home: string, dockerConfig: string | undefined): boolean {
  return (
    path.startsWith(`${home}/`) ||
    (dockerConfig?.startsWith('/') === true && path.startsWith(`${dockerConfig}/`))
  );
}

/** The evidence's host.sudo: who was analysed, and what sudo's env_reset dropped from their variables. */
export function sudoEvidence(u: Invoker, current: NodeJS.ProcessEnv): SudoEvidence {
  return {
    user: u.name,
    uid: u.uid,
    env: u.env ? 'recovered' : 'unknown',
    dropped: u.env ? droppedBySudo(u.env, current) : [],
  };
}
