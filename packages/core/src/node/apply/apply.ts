// Apply a plan: verify every file still has the content the plan was made from, back it up, write it
// atomically; commands only when asked. Nothing half done: permission problems stop before the first write.
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CommandResult } from '../../evidence/schema.js';
import type { FileChange, Plan, PlanCommand } from '../../plan/types.js';
import { type Exec, execCommand } from '../probes/exec.js';
import { ensureDir, writeAtomic } from './atomic.js';
import { withLock } from './lock.js';

export interface ApplyOptions {
  /** write every absolute path under this folder instead of / (tests, image builds) */
  root?: string;
  dryRun?: boolean;
  runCommands?: boolean;
  exec?: Exec;
  now?: () => Date;
  lockPath?: string;
  commandTimeoutMs?: number;
}

export type ChangeOutcome =
  | { path: string; status: 'written'; backup: string | null }
  | { path: string; status: 'would-write' }
  | { path: string; status: 'unchanged' }
  | { path: string; status: 'refused'; reason: string };

export interface ApplyResult {
  changes: ChangeOutcome[];
  commands: { command: PlanCommand; result: CommandResult | null }[];
  /** set when nothing was written because of permissions */
  needsRoot: string | null;
}

async function current(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function writable(path: string): Promise<boolean> {
  let p = path;
  for (;;) {
    try {
      await access(p, constants.W_OK);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      const up = dirname(p);
      if (up === p) return false;
      p = up;
    }
  }
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function applyPlan(plan: Plan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const at = (p: string) => (opts.root ? join(opts.root, p) : p);
  const lockPath = opts.lockPath ?? join(opts.root ?? tmpdir(), 'buildproxy-apply.lock');
  const run = async (): Promise<ApplyResult> => {
    const outcomes: ChangeOutcome[] = [];
    const toWrite: { change: FileChange; existing: string | null }[] = [];
    for (const c of plan.changes) {
      const existing = await current(at(c.path));
      if (existing === c.after) outcomes.push({ path: c.path, status: 'unchanged' });
      else if (existing !== c.before) {
        outcomes.push({
          path: c.path,
          status: 'refused',
          reason:
            existing === null
              ? 'the file was deleted since the plan was made'
              : c.before === null
                ? 'the file was created since the plan was made'
                : 'the file changed since the plan was made',
        });
      } else toWrite.push({ change: c, existing });
    }
    const blocked: string[] = [];
    for (const { change } of toWrite) if (!(await writable(at(change.path)))) blocked.push(change.path);
    if (blocked.length) {
      return { changes: outcomes, commands: [], needsRoot: `cannot write ${blocked.join(', ')}` };
    }
    const ts = stamp(opts.now?.() ?? new Date());
    for (const { change, existing } of toWrite) {
      if (opts.dryRun) {
        outcomes.push({ path: change.path, status: 'would-write' });
        continue;
      }
      const target = at(change.path);
      await ensureDir(dirname(target), change.path.includes('/.config/') ? 0o700 : 0o755);
      let backup: string | null = null;
      if (existing !== null) {
        backup = `${change.path}.buildproxy-${ts}.bak`;
        await writeAtomic(at(backup), existing, { mode: 0o600, keepFrom: target });
      }
      await writeAtomic(target, change.after, { mode: Number.parseInt(change.mode, 8) });
      outcomes.push({ path: change.path, status: 'written', backup });
    }
    const commands: ApplyResult['commands'] = [];
    // Applying the same plan twice is a no-op: nothing written, nothing restarted.
    const nothingNew = plan.changes.length > 0 && outcomes.every((o) => o.status === 'unchanged');
    if (opts.runCommands && !opts.dryRun && !nothingNew && outcomes.every((o) => o.status !== 'refused')) {
      const exec = opts.exec ?? execCommand;
      for (const command of plan.commands) {
        const result = await exec(command.argv, { timeoutMs: opts.commandTimeoutMs ?? 120_000 });
        commands.push({ command, result });
        if (result.exitCode !== 0) break; // later commands depend on earlier ones
      }
    } else if (!nothingNew) {
      for (const command of plan.commands) commands.push({ command, result: null });
    }
    return { changes: outcomes, commands, needsRoot: null };
  };
  if (opts.dryRun) return run();
  // Permission problems are reported before the lock is even taken (the lock may need the same rights).
  const blocked: string[] = [];
  for (const c of plan.changes) if (!(await writable(at(c.path)))) blocked.push(c.path);
  if (blocked.length) {
    return { changes: [], commands: [], needsRoot: `cannot write ${blocked.join(', ')}` };
  }
  await ensureDir(dirname(lockPath), 0o755);
  return withLock(lockPath, run);
}
