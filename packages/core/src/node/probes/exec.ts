// Run one external command: no stdin, bounded output, a hard timeout that kills the whole process group.
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { CommandResult } from '../../evidence/schema.js';

export interface ExecOptions {
  timeoutMs: number;
  /** binary to run instead of argv[0] (the recorded argv stays canonical) */
  binary?: string;
  env?: NodeJS.ProcessEnv;
  /** working folder (WSL runs cmd.exe from /mnt/c, so it does not warn about a UNC folder) */
  cwd?: string;
  /** run as this user (root only, through setpriv with the user's groups): the sudo user's docker commands */
  as?: { uid: number; gid: number };
}

const SETPRIV = '/usr/bin/setpriv';

export type Exec = (argv: readonly string[], opts: ExecOptions) => Promise<CommandResult>;

const MAX_OUTPUT = 2 * 1024 * 1024;

const lookups = new Map<string, string | null>();

/** Every probe still running, so a cancelled wizard can stop them at once instead of waiting for each timeout. */
const running = new Set<() => void>();

/** Kill every external command still running (each whole process group). */
export function stopAllCommands(): void {
  for (const kill of [...running]) kill();
}

/** PATH lookup without a fork: a missing binary costs a few stat calls, not a failed spawn. */
export function findOnPath(bin: string, path: string | undefined): string | null {
  if (bin.includes('/')) return bin;
  const key = `${bin}\0${path ?? ''}`;
  if (lookups.has(key)) return lookups.get(key)!;
  let found: string | null = null;
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    try {
      accessSync(join(dir, bin), constants.X_OK);
      found = join(dir, bin);
      break;
    } catch {
      // next
    }
  }
  lookups.set(key, found);
  return found;
}

export const execCommand: Exec = async (argv, opts) => {
  const env = opts.env ?? process.env;
  const binary = opts.binary ?? findOnPath(argv[0]!, env.PATH);
  if (!binary) {
    return {
      argv: [...argv],
      durationMs: 0,
      exitCode: null,
      stdout: '',
      stderr: '',
      timedOut: false,
      error: 'not-found',
    };
  }
  return new Promise((resolve) => {
    const started = performance.now();
    const done = (r: Omit<CommandResult, 'argv' | 'durationMs'>) =>
      resolve({ argv: [...argv], durationMs: Math.round(performance.now() - started), ...r });
    let stdout = '';
    let stderr = '';
    let settled = false;
    // Loaded on the first command: a doctor that finds nothing to run never compiles child_process.
    const { spawn } = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
    let child: ReturnType<typeof spawn>;
    try {
      // As another user: setpriv drops to their uid, primary gid and supplementary groups (docker), then execs.
      const [file, args] = opts.as
        ? [
            SETPRIV,
            [
              `--reuid=${opts.as.uid}`,
              `--regid=${opts.as.gid}`,
              '--init-groups',
              '--',
              binary,
              ...argv.slice(1),
            ],
          ]
        : [binary, argv.slice(1)];
      child = spawn(file, args, {
        ...(opts.as ? { cwd: '/' } : {}),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // own process group, so a timeout kills grandchildren too
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
        env: { ...env, DOCKER_CLI_HINTS: 'false', LC_ALL: 'C' },
      });
    } catch {
      done({ exitCode: null, stdout: '', stderr: '', timedOut: false, error: 'spawn-failed' });
      return;
    }
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    running.add(kill);
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      running.delete(kill);
      kill();
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
      done({ exitCode: null, stdout, stderr, timedOut: true, error: 'timeout' });
    }, opts.timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += d.toString('utf8');
    });
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += d.toString('utf8');
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      running.delete(kill);
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const error = err.code === 'ENOENT' ? 'not-found' : 'spawn-failed';
      done({
        exitCode: null,
        stdout: '',
        stderr: error === 'spawn-failed' ? String(err.message) : '',
        timedOut: false,
        error,
      });
    });
    child.on('close', (code) => {
      running.delete(kill);
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done({ exitCode: code ?? null, stdout, stderr, timedOut: false });
    });
  });
};
