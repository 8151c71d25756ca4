// Apply a plan: check every file first (still the content the plan was made from, a regular UTF-8 file, no link on
// the way, writable), then back each one up and replace it through the safe write (safe-write.ts, file-op.ts);
// commands only when asked. All or nothing: one refusal writes nothing, and a write failing half-way puts the
// files already written back.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CommandResult } from '../../evidence/schema.js';
import type { FileChange, Plan, PlanCommand } from '../../plan/types.js';
import { type Exec, execCommand } from '../probes/exec.js';
import type { FileOpResult } from './file-op.js';
import { withLock } from './lock.js';
import { checkPlan, commandRunner, type LiveUser, liveUser } from './plan-guard.js';
import { runFileOp, walk } from './safe-write.js';
import { putBack, writeJournal } from './undo.js';

export interface ApplyOptions {
  /** write every absolute path under this folder instead of / (tests, image builds) */
  root?: string;
  dryRun?: boolean;
  runCommands?: boolean;
  exec?: Exec;
  now?: () => Date;
  lockPath?: string;
  commandTimeoutMs?: number;
  /** record what was written for `buildproxy undo --last` (undo.ts) */
  journal?: boolean;
  /** the homes, DOCKER_CONFIG and sudo user plan paths are checked against (default: this process's) */
  live?: LiveUser;
}

export type ChangeOutcome =
  | { path: string; status: 'written'; backup: string | null; notes?: string[]; removed?: true }
  | { path: string; status: 'would-write'; notes?: string[]; removed?: true }
  | { path: string; status: 'unchanged' }
  | { path: string; status: 'refused'; reason: string };

export interface ApplyResult {
  changes: ChangeOutcome[];
  /** each command, who it runs as (SUDO_USER for per-user commands under sudo), and its result once run */
  commands: { command: PlanCommand; as: string | null; result: CommandResult | null }[];
  /** set when nothing was written because of permissions */
  needsRoot: string | null;
}

export const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** The lock lives where only its users can write: the --root tree, /run/buildproxy, or the user's own cache. */
export function defaultLockPath(root: string | undefined): string {
  if (root) return join(root, '.buildproxy-apply.lock');
  const uid = process.geteuid?.() ?? -1;
  const dir =
    uid === 0
      ? '/run/buildproxy'
      : join(process.env.XDG_RUNTIME_DIR || join(homedir(), '.cache'), 'buildproxy');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0)
    throw new Error(`${dir} is not a directory only this user can write; remove it and apply again`);
  return join(dir, 'apply.lock');
}

function opFor(
  change: FileChange,
  opts: ApplyOptions,
  extra: { dryRun: boolean; stamp: string },
): FileOpResult {
  const w = walk(opts.root ?? '/', change.path);
  if (!w.ok) return w;
  return runFileOp(
    {
      // plan --remove: the file goes (backed up first), only while it still holds `before`
      op: change.remove ? 'remove' : 'replace',
      start: w.start,
      dirs: w.dirs,
      name: w.name,
      shown: change.path,
      content: Buffer.from(change.after, 'utf8').toString('base64'),
      mode: Number.parseInt(change.mode, 8),
      dirMode: change.path.startsWith('/etc/') ? 0o755 : 0o700,
      expect: change.before === null ? null : sha256(change.before),
      credential: change.mode === '0600' && !change.remove,
      backup: true,
      stamp: extra.stamp,
      utf8: true,
      dryRun: extra.dryRun,
      // The kill -9 test stops the writer at a named point it has really reached.
      hookDir: process.env.BUILDPROXY_TEST_HOOK_DIR || undefined,
      hookAt: process.env.BUILDPROXY_TEST_KILL_AT || undefined,
    },
    w.as,
  );
}

/** Put back what this apply wrote before a later file failed: the plan's own "before", or no file. */
function rollBack(written: FileChange[], opts: ApplyOptions): void {
  for (const c of written.reverse()) putBack(c, opts.root ?? '/');
}

export async function applyPlan(plan: Plan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const live = opts.live ?? liveUser();
  const refusals = checkPlan(plan, live);
  if (refusals.length) {
    return {
      changes: refusals.map((r) => ({ path: r.path, status: 'refused', reason: r.reason })),
      commands: [],
      needsRoot: null,
    };
  }
  const ts = stamp(opts.now?.() ?? new Date());
  const check = () => {
    const outcomes: ChangeOutcome[] = [];
    const toWrite: FileChange[] = [];
    const blocked: string[] = [];
    for (const c of plan.changes) {
      const r = opFor(c, opts, { dryRun: true, stamp: ts });
      if (r.ok && (r.status === 'unchanged' || r.status === 'absent'))
        outcomes.push({ path: c.path, status: 'unchanged' });
      else if (r.ok) toWrite.push(c);
      else if (r.code === 'access') blocked.push(c.path);
      else outcomes.push({ path: c.path, status: 'refused', reason: r.message });
    }
    return { outcomes, toWrite, blocked };
  };
  const run = async (): Promise<ApplyResult> => {
    // 1. Check everything; write nothing yet.
    const { outcomes, toWrite, blocked } = check();
    if (blocked.length) return { changes: [], commands: [], needsRoot: `cannot write ${blocked.join(', ')}` };
    const refused = outcomes.some((o) => o.status === 'refused');
    if (refused) return { changes: outcomes, commands: [], needsRoot: null };
    // 2. Write, in plan order.
    const written: FileChange[] = [];
    for (const c of toWrite) {
      const r = opFor(c, opts, { dryRun: opts.dryRun === true, stamp: ts });
      if (!r.ok) {
        rollBack(written, opts);
        const done = written.map((w) => ({
          path: w.path,
          status: 'refused' as const,
          reason: 'put back as it was',
        }));
        return {
          changes: [...outcomes, ...done, { path: c.path, status: 'refused', reason: r.message }],
          commands: [],
          needsRoot: null,
        };
      }
      const removed = c.remove ? { removed: true as const } : {};
      if (r.status === 'would-write')
        outcomes.push({ path: c.path, status: 'would-write', notes: r.notes, ...removed });
      else if (r.status === 'unchanged' || r.status === 'absent')
        outcomes.push({ path: c.path, status: 'unchanged' });
      else {
        written.push(c);
        const backup = r.backup ? join(dirname(c.path), r.backup) : null;
        outcomes.push({ path: c.path, status: 'written', backup, notes: r.notes, ...removed });
      }
    }
    if (opts.journal && written.length && !opts.dryRun) writeJournal(opts.root, written);
    const commands: ApplyResult['commands'] = [];
    // Applying the same plan twice is a no-op: nothing written, nothing restarted.
    const nothingNew = plan.changes.length > 0 && outcomes.every((o) => o.status === 'unchanged');
    if (opts.runCommands && !opts.dryRun && !nothingNew) {
      const exec = opts.exec ?? execCommand;
      for (const command of plan.commands) {
        const how = commandRunner(command, live);
        const result = await exec(how.argv, { timeoutMs: opts.commandTimeoutMs ?? 120_000, env: how.env });
        commands.push({ command, as: how.as, result });
        if (result.exitCode !== 0) break; // later commands depend on earlier ones
      }
    } else if (!nothingNew) {
      for (const command of plan.commands)
        commands.push({ command, as: commandRunner(command, live).as, result: null });
    }
    return { changes: outcomes, commands, needsRoot: null };
  };
  if (opts.dryRun) return run();
  // Permission problems are reported before the lock is even taken (the lock may need the same rights).
  const pre = check();
  if (pre.blocked.length)
    return { changes: [], commands: [], needsRoot: `cannot write ${pre.blocked.join(', ')}` };
  return withLock(opts.lockPath ?? defaultLockPath(opts.root), run);
}
