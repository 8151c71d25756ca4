import { defaultLockPath, LockBusyError, readJournal, undoPlan } from '@buildproxy/core/node';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import { rootFrom } from '../evidence-source.js';
import type { Io } from '../io.js';
import { printable } from '../render/apply.js';
import { loadPlan } from './apply.js';

export const UNDO_HELP = `Usage: buildproxy undo PLAN.json | --last [options]

Put back what one apply wrote: each file of the plan returns to its content before the apply (a file the apply
created is removed), only if it is still exactly what the apply wrote — a file changed since is refused and
nothing is touched. What undo replaces is backed up first (<file>.buildproxy-undo-<timestamp>.bak). Same safety
as apply (SECURITY.md). Commands are not undone: restart the daemon yourself.

  --last            the last apply's files (apply records them; as root in /var/lib/buildproxy)
  --dry-run         check everything, change nothing
  --yes             do not ask (needed without a terminal)
  --root DIR        the tree apply wrote under --root DIR
  --no-color
`;

export async function undo(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'undo',
    argv,
    {
      last: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      root: { type: 'string' },
    },
    1,
  );
  if (values.help) {
    io.out(UNDO_HELP);
    return 0;
  }
  const root = rootFrom(values);
  const file = positionals[0];
  if (!file && !values.last)
    throw new UsageError(
      'undo needs a plan file or --last',
      'fix: buildproxy undo plan.json, or buildproxy undo --last',
    );
  const plan = file ? await loadPlan(file) : readJournal(root);
  if (!plan)
    throw new UsageError(
      'no apply to undo: apply has not recorded one here',
      'fix: buildproxy undo PLAN.json',
    );
  const dryRun = values['dry-run'] === true;
  if (!dryRun && !values.yes)
    throw new UsageError(
      'undo needs confirmation',
      `fix: check with --dry-run, then run it again with --yes`,
    );
  let out: Awaited<ReturnType<typeof undoPlan>>;
  try {
    out = await undoPlan(plan, { root, dryRun, lockPath: dryRun ? '' : defaultLockPath(root) });
  } catch (e) {
    if (e instanceof LockBusyError) throw new UsageError(e.message);
    throw e;
  }
  const st = io.style(values['no-color'] === true);
  for (const o of out) {
    const path = printable(o.path);
    if (o.status === 'refused') io.out(`${st.red('refused')}    ${path}: ${printable(o.reason)}\n`);
    else if (o.status === 'unchanged') io.out(`${st.dim('unchanged')}  ${path}\n`);
    else
      io.out(
        `${st.green(o.status === 'would-restore' ? 'would undo' : o.status)}   ${path}${o.backup ? st.dim(`  (backup: ${printable(o.backup)})`) : ''}\n`,
      );
  }
  return out.some((o) => o.status === 'refused') ? 1 : 0;
}
