import { createInterface } from 'node:readline/promises';
import { EXIT_VERIFY_FAILED, type Plan, PlanFormatError } from '@buildproxy/core';
import { applyPlan, fileOpChild, LockBusyError } from '@buildproxy/core/node';

export { undo } from './undo.js';
export { fileOpChild };

import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import { readInputFile, rootFrom, timeoutFrom } from '../evidence-source.js';
import type { Io } from '../io.js';
import { changeLines, commandLines } from '../render/apply.js';
import { renderPlan } from '../render/plan.js';
import { type VerifyAfterApplyDeps, verifyAfterApply } from './apply-verify.js';
import { VERIFY_FLAGS, verifySettings } from './verify.js';

export const APPLY_HELP = `Usage: buildproxy apply PLAN.json [options]

Write the files of a plan made with 'buildproxy plan -o PLAN.json'. The plan is checked first: every path, mode
and command must be one its target declares. Each file must still have the content the plan was made from and
be a regular UTF-8 file reached through no link (otherwise it is refused: exit 1); it is backed up beside itself
as <file>.buildproxy-<timestamp>.bak and replaced atomically, keeping its owner and mode (a file holding the
credentials is tightened to 0600). In a home, files are written as the home's owner. See SECURITY.md.

  --dry-run         check everything, write nothing
  --yes             do not ask for confirmation (needed without a terminal)
  --run-commands    also run the plan's commands (daemon-reload, restart, builder recreation)
  --root DIR        write every path under DIR instead of /
  --no-color

Then it runs verify's runtime, builder and run steps (a pull by digest, a build with --pull, a RUN fetch; each
bounded by --step-timeout) against the machine as apply left it. It skips verify, saying why, under --root, with
--dry-run, or when the plan has commands that did not run (use --run-commands). The client step needs a new shell:
buildproxy verify --step client.
  --no-verify       do not run verify afterwards
  --image, --url, --plain-http, --step-timeout, --command, --timeout   as for buildproxy verify

Exit: 0 written (and verify passed or was skipped), 1 a file refused, a command failed or nothing written,
2 bad usage, ${EXIT_VERIFY_FAILED} everything was applied but verify failed (the network still fails).
`;

export async function loadPlan(path: string): Promise<Plan> {
  // A FIFO or /dev/zero as the plan must not hang apply or fill its memory; no plan comes near 16 MiB.
  const text = readInputFile(
    path,
    'plan',
    16 * 1024 * 1024,
    'fix: create one with: buildproxy plan -o plan.json',
  );
  const { parsePlan } = await import('@buildproxy/core/validate');
  try {
    return parsePlan(JSON.parse(text));
  } catch (e) {
    if (e instanceof PlanFormatError) throw new UsageError(`${path}: ${e.message}`);
    throw new UsageError(
      `${path} is not JSON: ${(e as Error).message}`,
      'fix: create one with: buildproxy plan -o plan.json',
    );
  }
}

export async function apply(argv: string[], io: Io, deps: VerifyAfterApplyDeps = {}): Promise<number> {
  const { values, positionals } = parse(
    'apply',
    argv,
    {
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      'run-commands': { type: 'boolean' },
      root: { type: 'string' },
      'no-verify': { type: 'boolean' },
      ...VERIFY_FLAGS,
    },
    1,
  );
  if (values.help) {
    io.out(APPLY_HELP);
    return 0;
  }
  if ((io.platform ?? process.platform) === 'win32')
    throw new UsageError(
      'buildproxy apply does not run on Windows: its safety rules (no link followed, owner and mode kept, atomic rename over the file) are POSIX ones',
      "make the plan's changes by hand from 'buildproxy plan' (its PowerShell lines and Docker Desktop steps), or apply inside WSL",
    );
  const file = positionals[0];
  if (!file) throw new UsageError('apply needs a plan file', 'create one with: buildproxy plan -o plan.json');
  // A mistyped --root is bad input (exit 2), said before anything is read or written.
  const root = rootFrom(values);
  // verify's flags too: a bad --image must stop apply before it writes anything
  const settings = verifySettings(values);
  timeoutFrom(values);
  const plan = await loadPlan(file);
  const st = io.style(values['no-color'] === true);
  const dryRun = values['dry-run'] === true;
  if (!dryRun && !values.yes) {
    if (!io.stdinIsTTY)
      throw new UsageError(
        'apply needs confirmation',
        `fix: review the plan, then run: buildproxy apply ${file} --yes`,
      );
    io.out(renderPlan(plan, st));
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(
      `Write ${plan.changes.length} file(s)${values['run-commands'] ? ' and run the commands' : ''}? [y/N] `,
    );
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.err('Nothing written.\n');
      return 1;
    }
  }
  let result: Awaited<ReturnType<typeof applyPlan>>;
  try {
    result = await applyPlan(plan, {
      dryRun,
      runCommands: values['run-commands'] === true,
      root,
      journal: true,
    });
  } catch (e) {
    if (e instanceof LockBusyError) throw new UsageError(e.message);
    throw e;
  }
  if (result.needsRoot) {
    io.err(
      `buildproxy: ${result.needsRoot}; nothing was written.\nRun as root: sudo buildproxy apply ${file}${values['run-commands'] ? ' --run-commands' : ''}\n`,
    );
    return 1;
  }
  for (const line of [...changeLines(result.changes, st), ...commandLines(result.commands, st)])
    io.out(`${line}\n`);
  const refused = result.changes.some((c) => c.status === 'refused');
  const failed = result.commands.some((c) => c.result && c.result.exitCode !== 0);
  const verified = await verifyAfterApply(
    {
      plan,
      noVerify: values['no-verify'] === true,
      dryRun,
      root: values.root as string | undefined,
      ranCommands: values['run-commands'] === true,
      applyFailed: refused || failed,
    },
    settings,
    values,
    io,
    deps,
  );
  return refused || failed ? 1 : verified;
}
