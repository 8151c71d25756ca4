// `buildproxy` with no command: the wizard in a terminal, the same flow without one when --yes is given.
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { exitCodeFor, formFromInput, isTarget, TARGETS, type Target } from '@buildproxy/core';
import { stopAllCommands } from '@buildproxy/core/node';
import { EVIDENCE, PROFILE, parse } from '../args.js';
import { readErrorInput } from '../error-input.js';
import { UsageError } from '../errors.js';
import { commandDockerfile, loadBundle, probesFrom, rootFrom, timeoutFrom } from '../evidence-source.js';
import type { Io } from '../io.js';
import { profileFromFlags } from '../profile-flags.js';
import { liveEffects } from './effects.js';
import { finalBlock } from './final.js';
import { runFlow } from './flow.js';
import type { Answers } from './state.js';

export const WIZARD_HELP = `Usage: buildproxy [options]

The guided setup: detect → what we found → your network → paste an error (tab: your build command) → review → act → verify → done.
Every question has a flag; with --yes the same flow runs without a terminal.

  --proxy URL  --http-proxy URL  --https-proxy URL  --no-proxy LIST  --registry HOST[:PORT]  --ca-cert FILE
  --mirror HOST[:PORT]  a docker.io mirror (repeatable)     --proxy-on-host  the proxy listens on this host's 127.0.0.1
  --target T          what to fix (repeatable): ${TARGETS.join(', ')}
  --act ACTION        write (default), save, folder or print
  --plan-file FILE    where "save" writes the plan (default ./buildproxy-plan.json)
  --out DIR           where "folder" writes the files (default ./buildproxy-out)
  --run-commands      run daemon-reload / restart / builder recreation after writing
  --error FILE|-      the build error you saw (the paste step), from FILE or stdin
  --command STR       the command you build with (the paste step's second field)
  --network           test the proxy (doctor --network's probes) after the network step: on a terminal it runs
                      anyway, except under --root; with --yes only when given; never with --from (exit 2)
  --reveal            print mode only, on a terminal only: show passwords in the final block (never in --json,
                      captures or logs)
  --yes               no questions: run the flow non-interactively
  --root DIR | --from FILE | --file DOCKERFILE | --timeout MS | --probes MODE   as for doctor
  --no-color

Exit: as the doctor's after acting (0 no errors left, 1 errors remain), 2 bad usage, 130 cancelled (Ctrl-C, q).
`;

async function canWrite(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function wizard(argv: string[], io: Io): Promise<number> {
  const { values } = parse('', argv, {
    ...EVIDENCE,
    ...PROFILE,
    target: { type: 'string', multiple: true },
    act: { type: 'string' },
    'plan-file': { type: 'string' },
    out: { type: 'string' },
    'run-commands': { type: 'boolean' },
    error: { type: 'string' },
    reveal: { type: 'boolean' },
    network: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
  });
  if (values.help) {
    io.out(WIZARD_HELP);
    return 0;
  }
  const input = await profileFromFlags(values);
  const targets: Target[] = [];
  for (const t of (values.target as string[] | undefined) ?? []) {
    if (!isTarget(t)) throw new UsageError(`unknown target "${t}"`, `targets: ${TARGETS.join(', ')}`);
    targets.push(t);
  }
  // as on doctor: a replayed capture is another time's (maybe another host's) network, never probed from here
  if (values.network && values.from !== undefined)
    throw new UsageError(
      '--network probes this machine, --from replays a bundle',
      'fix: drop --network to replay (a bundle captured with --network keeps its results)',
    );
  const act = (values.act as string | undefined) ?? 'write';
  if (!['write', 'save', 'folder', 'print'].includes(act))
    throw new UsageError(`--act "${act}" is not one of write, save, folder, print`);
  const opts = {
    root: rootFrom(values),
    timeoutMs: timeoutFrom(values),
    probes: probesFrom(values),
    dockerfile: commandDockerfile(values.command as string | undefined, values.file as string | undefined),
    from: typeof values.from === 'string' ? await loadBundle(values.from) : undefined,
    outDir: (values.out as string | undefined) ?? join(process.cwd(), 'buildproxy-out'),
    planFile: (values['plan-file'] as string | undefined) ?? join(process.cwd(), 'buildproxy-plan.json'),
    command: values.command as string | undefined,
    network: values.network === true,
  };
  const errorText =
    typeof values.error === 'string' ? await readErrorInput(values.error, process.stdin, io.stdinIsTTY) : '';
  const given: Partial<Answers> = {
    ...formFromInput(input),
    targets,
    ...(errorText ? { errorText } : {}),
    ...(typeof values.command === 'string' ? { buildCommand: values.command } : {}),
  };
  // --reveal: print mode's final block, on a terminal, and nowhere else
  const reveal = values.reveal === true && io.stdoutIsTTY;
  if (values.reveal === true && !io.stdoutIsTTY)
    io.err('buildproxy: --reveal applies only on a terminal: passwords stay masked in this output\n');
  const effects = liveEffects(opts);
  if (values.yes)
    return runFlow({
      effects,
      given,
      act: act as 'write',
      runCommands: values['run-commands'] === true,
      proxyTest: values.network === true,
      reveal,
      root: opts.root,
      planFile: opts.planFile,
      outDir: opts.outDir,
      io,
      color: io.style(values['no-color'] === true).color,
    });
  if (!io.stdinIsTTY || !io.stdoutIsTTY || io.env.CI === 'true') {
    io.err(
      'buildproxy: the wizard needs a terminal; use buildproxy doctor, buildproxy plan and buildproxy apply (or add --yes)\n',
    );
    return 2;
  }
  // chalk ignores NO_COLOR; Ink's colours go through chalk, so map it before Ink loads.
  const noColor = values['no-color'] === true || io.env.NO_COLOR !== undefined;
  if (noColor) process.env.FORCE_COLOR = '0';
  const { renderWizard } = await withoutFetch(() => import('./render.js'));
  const canWriteHere = opts.root
    ? await canWrite(opts.root)
    : typeof process.getuid === 'function' && process.getuid() === 0;
  let last: Awaited<ReturnType<typeof renderWizard>>;
  try {
    last = await renderWizard({
      effects,
      given,
      color: !noColor,
      canWriteHere,
      planFile: opts.planFile,
      root: opts.root,
      outDir: opts.outDir,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!last?.ended) return 0;
  // Left in the scrollback once the screens are gone: complete, plain, copyable.
  io.out(
    finalBlock({
      ended: last.ended,
      plan: last.plan,
      outcome: last.outcome,
      commandsRun: last.commandsRun,
      buildCommand: last.answers.buildCommand,
      root: opts.root,
      planFile: opts.planFile,
      outDir: opts.outDir,
      reveal: reveal && last.outcome?.choice === 'print',
    }),
  );
  if (last.ended === 'cancelled') {
    // At once: the probes still running are killed, not waited for (their timeouts can be seconds).
    stopAllCommands();
    process.exit(130);
  }
  if (last.ended === 'no-proxy-needed') return 0;
  return exitCodeFor((last.after ?? last.report)?.findings ?? []);
}

/**
 * Ink's layout engine (yoga: WebAssembly inlined as a data: URL) takes its bytes through `fetch` when there is one,
 * and Node 20's `fetch` loads undici on first touch: ~20 ms before the first frame (BENCHMARKS.md). With `fetch`
 * hidden while Ink loads, yoga decodes the bytes itself. The descriptor is read, never the getter, so undici stays
 * unloaded; the wizard itself never fetches. (test/wizard-start-up.test.ts)
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!fetch?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
