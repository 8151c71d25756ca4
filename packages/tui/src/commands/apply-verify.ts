// After `buildproxy apply` has written a plan: run verify's runtime, builder and RUN steps against the machine as
// apply left it (issue 15), or say why not. The decision is core's afterApply; this runs it and maps the result to
// apply's exit code: 0 all passed, EXIT_VERIFY_FAILED when apply succeeded but the network still fails.
import {
  type AfterApplyInput,
  afterApply,
  analyze,
  type Evidence,
  EXIT_VERIFY_FAILED,
  verifyExitCode,
} from '@buildproxy/core';
import type { Values } from '../args.js';
import { getEvidence } from '../evidence-source.js';
import type { Io } from '../io.js';
import { type RunAndShow, runAndShow, type VerifySettings } from './verify.js';

export interface VerifyAfterApplyDeps {
  /** the machine as it is now (default: a fresh capture with --command and --timeout) */
  capture?: (values: Values) => Promise<Evidence>;
  run?: RunAndShow['run'];
}

/** Returns the exit code verify adds: 0 (passed or skipped) or EXIT_VERIFY_FAILED. */
export async function verifyAfterApply(
  input: AfterApplyInput,
  settings: VerifySettings,
  values: Values,
  io: Io,
  deps: VerifyAfterApplyDeps = {},
): Promise<number> {
  const st = io.style(values['no-color'] === true);
  const d = afterApply(input);
  if (!d.run) {
    if (d.say) io.err(`${st.dim(d.why)}\n`);
    return 0;
  }
  io.err(`${st.dim(d.note)}\n`);
  // A fresh capture: the builder apply recreated and the daemons it restarted are what verify must reach.
  const capture = deps.capture ?? ((v: Values) => getEvidence({ command: v.command, timeout: v.timeout }));
  const ev = await capture(values);
  const report = await runAndShow(
    {
      settings,
      steps: d.steps,
      state: analyze(ev),
      json: false,
      noColor: values['no-color'] === true,
      run: deps.run,
    },
    io,
  );
  if (verifyExitCode(report) === 0) return 0;
  io.err(
    `buildproxy: the plan was applied, but verify failed (exit ${EXIT_VERIFY_FAILED}): the lines above say which actor and rule; buildproxy doctor --network tests the proxy itself\n`,
  );
  return EXIT_VERIFY_FAILED;
}
