// Undo one apply: every file it wrote goes back to what it was (or away, if apply created it), through the same
// safe write, and only if it is still exactly what apply wrote; what undo replaces is backed up first.
// `undo PLAN` takes the plan file (checked like apply checks it); `undo --last` the journal apply keeps of its
// last run in a directory only its user can write.
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileChange, Plan } from '../../plan/types.js';
import { sha256 } from './apply.js';
import type { FileOpRequest, FileOpResult } from './file-op.js';
import { withLock } from './lock.js';
import { checkPlan, type LiveUser, liveUser } from './plan-guard.js';
import { runFileOp, safeWrite, walk } from './safe-write.js';

/** Where apply records its last run: beside the --root tree, /var/lib/buildproxy as root, ~/.local/state otherwise. */
export function journalPath(root: string | undefined): string {
  if (root) return join(root, '.buildproxy-last-apply.json');
  const uid = process.geteuid?.() ?? -1;
  return uid === 0
    ? '/var/lib/buildproxy/last-apply.json'
    : join(process.env.XDG_STATE_HOME || join(homedir(), '.local/state'), 'buildproxy/last-apply.json');
}

/** Record the changes apply wrote (a plan of them, 0600: it may hold credentials). */
export function writeJournal(root: string | undefined, written: FileChange[]): void {
  const path = journalPath(root);
  if (!root) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const plan: Plan = { format: 'buildproxy.plan/v1', changes: written, commands: [], snippets: [] };
  safeWrite(
    root ? `/${path.slice(root.length).replace(/^\/+/, '')}` : path,
    `${JSON.stringify(plan, null, 2)}\n`,
    {
      root: root ?? '/',
      mode: 0o600,
      dirMode: 0o700,
      credential: true,
    },
  );
}

export function readJournal(root: string | undefined): Plan | null {
  const path = journalPath(root);
  try {
    const st = lstatSync(path);
    const uid = process.geteuid?.() ?? -1;
    if (!st.isFile() || (uid >= 0 && st.uid !== uid)) return null; // not ours: not trusted
    return JSON.parse(readFileSync(path, 'utf8')) as Plan;
  } catch {
    return null;
  }
}

export type UndoOutcome =
  | { path: string; status: 'restored' | 'removed' | 'would-restore'; backup: string | null }
  | { path: string; status: 'unchanged' }
  | { path: string; status: 'refused'; reason: string };

/**
 * Put back c's "before" (or remove the file it made), only while the file still holds c's "after":
 * apply's roll-back and undo both go through here.
 */
export function putBack(
  c: FileChange,
  root: string,
  extra: Pick<FileOpRequest, 'backup' | 'stamp' | 'utf8' | 'dryRun'> = {},
): FileOpResult {
  const w = walk(root, c.path);
  if (!w.ok) return w;
  return runFileOp(
    {
      op: c.before === null ? 'remove' : 'replace',
      start: w.start,
      dirs: w.dirs,
      name: w.name,
      shown: c.path,
      content: Buffer.from(c.before ?? '', 'utf8').toString('base64'),
      mode: Number.parseInt(c.mode, 8),
      dirMode: 0o700,
      // Only what apply wrote is taken back: a file edited since is refused; a file apply removed must still be
      // absent (it is created again, never written over one that appeared since).
      expect: c.remove ? null : sha256(c.after),
      ...extra,
    },
    w.as,
  );
}

function undoOne(c: FileChange, root: string, dryRun: boolean, stamp: string): FileOpResult {
  return putBack(c, root, { backup: true, stamp: `undo-${stamp}`, utf8: true, dryRun });
}

export async function undoPlan(
  plan: Plan,
  opts: { root?: string; dryRun?: boolean; live?: LiveUser; lockPath: string; now?: Date },
): Promise<UndoOutcome[]> {
  const refusals = checkPlan({ ...plan, commands: [] }, opts.live ?? liveUser());
  if (refusals.length) return refusals.map((r) => ({ path: r.path, status: 'refused', reason: r.reason }));
  const root = opts.root ?? '/';
  const stamp = (opts.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const run = async (): Promise<UndoOutcome[]> => {
    const out: UndoOutcome[] = [];
    // All or nothing: check every file before touching one.
    for (const c of plan.changes) {
      const r = undoOne(c, root, true, stamp);
      if (!r.ok)
        out.push({
          path: c.path,
          status: 'refused',
          reason: r.message.replace('since the plan was made', 'since it was applied'),
        });
      else if (r.status === 'absent' || r.status === 'unchanged')
        out.push({ path: c.path, status: 'unchanged' });
    }
    if (out.some((o) => o.status === 'refused') || opts.dryRun) {
      if (opts.dryRun && !out.some((o) => o.status === 'refused'))
        for (const c of plan.changes)
          if (!out.some((o) => o.path === c.path))
            out.push({ path: c.path, status: 'would-restore', backup: null });
      return out;
    }
    for (const c of [...plan.changes].reverse()) {
      if (out.some((o) => o.path === c.path)) continue;
      const r = undoOne(c, root, false, stamp);
      const backup = r.ok && r.backup ? join(dirname(c.path), r.backup) : null;
      if (!r.ok) out.push({ path: c.path, status: 'refused', reason: r.message });
      else if (r.status === 'removed') out.push({ path: c.path, status: 'removed', backup });
      else out.push({ path: c.path, status: 'restored', backup });
    }
    return out;
  };
  return opts.dryRun ? run() : withLock(opts.lockPath, run);
}
