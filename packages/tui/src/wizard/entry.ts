// `buildproxy` with no command: the wizard in a terminal, the same flow without one when --yes is given.
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { formFromInput, isTarget, TARGETS, type Target } from '@buildproxy/core';
import { EVIDENCE, PROFILE, parse } from '../args.js';
import { UsageError } from '../errors.js';
import { commandDockerfile, loadBundle, probesFrom, rootFrom, timeoutFrom } from '../evidence-source.js';
import type { Io } from '../io.js';
import { profileFromFlags } from '../profile-flags.js';
import { liveEffects } from './effects.js';
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
  --yes               no questions: run the flow non-interactively
  --root DIR | --from FILE | --file DOCKERFILE | --timeout MS | --probes MODE | --command STR   as for doctor
  --no-color
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
  };
  const given: Partial<Answers> = { ...formFromInput(input), targets };
  const effects = liveEffects(opts);
  if (values.yes)
    return runFlow({
      effects,
      given,
      act: act as 'write',
      runCommands: values['run-commands'] === true,
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
  const { renderWizard } = await import('./render.js');
  const canWriteHere = opts.root
    ? await canWrite(opts.root)
    : typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    await renderWizard({
      effects,
      given,
      color: !noColor,
      canWriteHere,
      planFile: opts.planFile,
      outDir: opts.outDir,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return 0;
}
