// `buildproxy verify`: the real thing, per actor — a token request, a pull by digest, a build with --pull
// through the builder the build command reaches, and a RUN step that fetches a URL. Each failure is read by why.
import {
  analyze,
  DEFAULT_VERIFY_IMAGE,
  type DigestRef,
  ImageRefError,
  parseDigestRef,
  redactAll,
  redactKeeping,
  registryUrl,
  type State,
  VERIFY_STEPS,
  type VerifyReport,
  type VerifyStepId,
  verifyExitCode,
} from '@buildproxy/core';
import { runVerify } from '@buildproxy/core/node';
import { EVIDENCE, parse, type Values } from '../args.js';
import { UsageError } from '../errors.js';
import { getEvidence } from '../evidence-source.js';
import type { Io } from '../io.js';
import { renderVerify } from '../render/verify.js';

export const VERIFY_HELP = `Usage: buildproxy verify [options]

Try the real thing, per actor, each step with its own timeout:
  client    a registry token request, through the proxy your shell's variables choose (Go's rules)
  runtime   docker pull IMAGE (by digest: no tag is created or moved)
  builder   a two-line Dockerfile FROM IMAGE built with --pull through the builder your build command reaches
            (docker build, docker buildx build --builder NAME, or buildctl build for a standalone buildkitd)
  run       the same build with a RUN step that fetches URL (wget or curl in the image)
A failure is read as buildproxy why reads an error: which actor, which cause, which rules.
Verify removes what it added (the base image if it was not there, the images it built); it never tags or
pushes. The build cache keeps the two small verify layers.

  --image REF          the image, by digest (default ${DEFAULT_VERIFY_IMAGE.replace(/@.*/, '@sha256:73aa…')})
  --url URL            what the RUN step fetches (default: the image registry's /v2/; 200 or 401 pass)
  --plain-http         the image's registry speaks plain HTTP (an --insecure-registry): the token request uses http://
  --step STEPS         comma-separated subset of client,runtime,builder,run (default: all)
  --step-timeout MS    each step's timeout (default 120000)
  --command STR        the build command you run ("docker buildx build --builder ci", "buildctl build …")
  --timeout MS         timeout of each probe that finds the builder (default 3000)
  --json               print buildproxy.verify/v1
  --no-color           plain text (also NO_COLOR=1)

Exit: 0 every step passed, 1 a step failed or timed out, 2 bad usage.
`;

const MAX_STEP_MS = 1_800_000;

function stepsFrom(v: string | undefined): VerifyStepId[] {
  if (v === undefined) return [...VERIFY_STEPS];
  const out: VerifyStepId[] = [];
  for (const s of v.split(',').map((x) => x.trim())) {
    if (!(VERIFY_STEPS as readonly string[]).includes(s))
      throw new UsageError(
        `--step "${s}" is not one of ${VERIFY_STEPS.join(', ')}`,
        'fix: e.g. --step runtime,builder',
      );
    if (!out.includes(s as VerifyStepId)) out.push(s as VerifyStepId);
  }
  return out;
}

function stepTimeout(v: string | undefined): number {
  if (v === undefined) return 120_000;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_STEP_MS)
    throw new UsageError(
      `--step-timeout "${v}" is not a number of milliseconds up to ${MAX_STEP_MS}`,
      'fix: e.g. --step-timeout 60000',
    );
  return Number(v);
}

function urlFrom(v: string | undefined, fallback: string): string {
  if (v === undefined) return fallback;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new UsageError(`--url "${redactAll(v)}" is not a URL`, 'fix: e.g. --url https://registry.corp/v2/');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new UsageError(
      `--url must be http:// or https://, not ${u.protocol}`,
      'fix: e.g. --url https://registry.corp/v2/',
    );
  return v;
}

/** The flags verify shares with apply (which runs it afterwards). */
export const VERIFY_FLAGS = {
  command: EVIDENCE.command!,
  timeout: EVIDENCE.timeout!,
  image: { type: 'string' },
  url: { type: 'string' },
  'plain-http': { type: 'boolean' },
  'step-timeout': { type: 'string' },
} as const;

export interface VerifySettings {
  image: DigestRef;
  url: string;
  plainHttp: boolean;
  timeoutMs: number;
}

/** Read and check the shared flags; bad input is a UsageError (exit 2), said before anything runs or is written. */
export function verifySettings(values: Values): VerifySettings {
  let image: DigestRef;
  try {
    image = parseDigestRef((values.image as string | undefined) ?? DEFAULT_VERIFY_IMAGE);
  } catch (e) {
    if (e instanceof ImageRefError)
      throw new UsageError(`--image: ${e.message}`, 'fix: e.g. --image registry.corp/base@sha256:…');
    throw e;
  }
  const plainHttp = values['plain-http'] === true;
  return {
    image,
    plainHttp,
    timeoutMs: stepTimeout(values['step-timeout'] as string | undefined),
    url: urlFrom(values.url as string | undefined, registryUrl(image, plainHttp)),
  };
}

export interface RunAndShow {
  settings: VerifySettings;
  steps: VerifyStepId[];
  state: State;
  json: boolean;
  noColor: boolean;
  /** the runner: runVerify, or a fake in tests */
  run?: typeof runVerify;
}

/** Run verify and print its report (text with live progress on stderr, or JSON); the report is returned. */
export async function runAndShow(o: RunAndShow, io: Io): Promise<VerifyReport> {
  const { image, url, plainHttp, timeoutMs } = o.settings;
  const st = io.style(o.noColor);
  const report = await (o.run ?? runVerify)({
    state: o.state,
    image,
    url,
    plainHttp,
    steps: o.steps,
    timeoutMs,
    onStep: o.json
      ? undefined
      : (s) => {
          if (s.status === 'running') io.err(st.dim(`… ${s.step}: ${redactKeeping(s.what, [image.ref])}\n`));
        },
  });
  // every text from outside is redacted; the image reference (validated, no secret in it) is kept readable
  if (o.json) io.out(`${redactKeeping(JSON.stringify(report, null, 2), [image.ref])}\n`);
  else io.out(redactKeeping(renderVerify(report, st), [image.ref]));
  return report;
}

export async function verify(argv: string[], io: Io): Promise<number> {
  const { values } = parse('verify', argv, {
    ...VERIFY_FLAGS,
    step: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(VERIFY_HELP);
    return 0;
  }
  const settings = verifySettings(values);
  const steps = stepsFrom(values.step as string | undefined);
  const ev = await getEvidence(values);
  const report = await runAndShow(
    {
      settings,
      steps,
      state: analyze(ev),
      json: values.json === true,
      noColor: values['no-color'] === true,
    },
    io,
  );
  return verifyExitCode(report);
}
