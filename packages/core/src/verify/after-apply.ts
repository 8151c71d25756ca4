// Whether `buildproxy apply` runs verify once it has written a plan, and which steps (issue 15: "verify ... after
// apply"). Verify after apply asks: does the machine, as apply left it, pull and build through the proxy? It only
// means something when the daemons run with what was written, so it is skipped — with the reason said — when:
// - nothing was written (--dry-run), or apply refused a file or a command failed (apply already exits 1);
// - the files went under --root DIR: this machine's daemons never read them;
// - the plan has commands (daemon-reload, restart, builder recreation) that did not run: the daemons still hold the
//   old configuration, and a failure would blame the plan for a restart not yet made.
// The client step is left out: the client's proxy is the shell's variables, which a written rc file changes only in
// a new shell (and sudo resets them), so this process cannot stand for the user's client.
import type { VerifyStepId } from './steps.js';

export const AFTER_APPLY_STEPS: readonly VerifyStepId[] = ['runtime', 'builder', 'run'];

/** apply's exit code when every file and command succeeded but verify then failed: the network still fails. */
export const EXIT_VERIFY_FAILED = 3;

export interface AfterApplyInput {
  /** the plan's commands (only how many: verify sits beside plan, not above it) */
  plan: { commands: readonly unknown[] };
  noVerify: boolean;
  dryRun: boolean;
  /** --root as given, or undefined for / */
  root: string | undefined;
  ranCommands: boolean;
  /** a file was refused or a command failed */
  applyFailed: boolean;
}

export type AfterApply =
  | { run: true; steps: VerifyStepId[]; note: string }
  | { run: false; why: string; say: boolean };

export function afterApply(i: AfterApplyInput): AfterApply {
  if (i.noVerify) return { run: false, why: 'verify skipped (--no-verify)', say: false };
  if (i.dryRun) return { run: false, why: 'dry run: nothing was written, nothing to verify', say: false };
  if (i.applyFailed) return { run: false, why: 'verify skipped: apply did not complete', say: true };
  if (i.root !== undefined && i.root !== '/')
    return {
      run: false,
      why: `verify skipped: the files were written under --root ${i.root}, which this machine's daemons do not read`,
      say: true,
    };
  if (i.plan.commands.length > 0 && !i.ranCommands)
    return {
      run: false,
      why: `verify skipped: the plan's ${i.plan.commands.length} command(s) did not run, so the daemons still have their old configuration; run them (or apply --run-commands), then: buildproxy verify`,
      say: true,
    };
  return {
    run: true,
    steps: [...AFTER_APPLY_STEPS],
    note: 'verify: a pull, a build with --pull and a RUN fetch through what apply wrote (the client step needs a new shell: buildproxy verify --step client)',
  };
}
