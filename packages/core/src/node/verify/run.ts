// Run `buildproxy verify` on this machine: per actor, the real request, each bounded by its own timeout.
// Side effects are confined here: a private temporary build context (removed at the end), the pulled base image
// and the built images — each removed again only when verify added it. Nothing is tagged, nothing is pushed.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { State } from '../../analyze/types.js';
import { readStepFailure } from '../../verify/read.js';
import {
  redactKeeping,
  VERIFY_FORMAT,
  type VerifyCleanup,
  type VerifyReport,
  type VerifyStepResult,
} from '../../verify/report.js';
import {
  type BuildRoute,
  buildArgv,
  buildRoute,
  registryUrl,
  STEP_ACTOR,
  type VerifyOptions,
  type VerifyStepId,
  verifyDockerfile,
} from '../../verify/steps.js';
import { type Exec, execCommand } from '../probes/exec.js';
import { type TokenResult, tokenRequest } from './token.js';

export interface RunVerifyOptions extends VerifyOptions {
  state: State;
  /** each step's timeout (a pull or a build), ms */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  exec?: Exec;
  token?: typeof tokenRequest;
  /** where the private build context folder is made (default: the OS temp folder) */
  tmp?: string;
  /** called as each step starts and ends, for a live display */
  onStep?: (r: VerifyStepResult | { step: VerifyStepId; status: 'running'; what: string }) => void;
}

/** Short commands (image inspect, image rm): a daemon that does not answer these in 20 s is wedged. */
const SHORT_MS = 20_000;

const firstLine = (s: string, keep: string[]) =>
  redactKeeping(
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-1)[0] ?? '',
    keep,
  ).slice(0, 300);

function dockerGlobals(route: BuildRoute | null): string[] {
  if (!route || route.tool === 'buildctl') return [];
  const i = route.prefix.findIndex((w) => w === 'build' || w === 'buildx');
  return route.prefix.slice(1, i);
}

export async function runVerify(o: RunVerifyOptions): Promise<VerifyReport> {
  const exec = o.exec ?? execCommand;
  const env = o.env ?? process.env;
  const token = o.token ?? tokenRequest;
  const route = buildRoute(o.state);
  const globals = dockerGlobals(route);
  const short = Math.min(SHORT_MS, o.timeoutMs);
  const docker = (args: string[], timeoutMs: number) =>
    exec(['docker', ...globals, ...args], { timeoutMs, env });
  const results: VerifyStepResult[] = [];
  const cleanup: VerifyCleanup = { removed: [], kept: [], failed: [] };
  const nonce = randomBytes(8).toString('hex');
  const keep = [o.image.ref];
  const redact = (t: string) => redactKeeping(t, keep);
  const url = o.url;
  const wants = (s: VerifyStepId) => o.steps.includes(s);
  const usesDocker =
    o.state.docker.cli &&
    (wants('runtime') || ((wants('builder') || wants('run')) && route?.tool !== 'buildctl'));

  const record = (r: VerifyStepResult) => {
    results.push(r);
    o.onStep?.(r);
  };
  const failed = (step: VerifyStepId, what: string, ms: number, output: string, timedOut: boolean) => {
    const reading = readStepFailure(step, output, o.state);
    record({
      step,
      actor: reading.actor,
      status: timedOut ? 'timeout' : 'failed',
      what,
      durationMs: ms,
      detail: timedOut ? `no result within ${o.timeoutMs} ms; stopped` : firstLine(output, keep),
      reading,
    });
  };

  // Was the base image here before? Then verify leaves it exactly as it is.
  let existed: boolean | null = null;
  if (usesDocker) {
    const r = await docker(['image', 'inspect', '--format', '{{.Id}}', o.image.ref], short);
    // a daemon that does not answer this cannot tell us: then verify removes nothing afterwards
    existed = r.timedOut ? null : r.exitCode === 0;
  }

  if (wants('client')) {
    const what = `token request to ${registryUrl(o.image, o.plainHttp)} for ${o.image.repository}`;
    o.onStep?.({ step: 'client', status: 'running', what });
    const t0 = performance.now();
    const t: TokenResult = await token(
      registryUrl(o.image, o.plainHttp),
      o.image.repository,
      env,
      o.timeoutMs,
    );
    const ms = Math.round(performance.now() - t0);
    const w = `${what}${t.via ? ` via ${t.via}` : ' (direct)'}`;
    if (t.ok)
      record({
        step: 'client',
        actor: 'client',
        status: 'ok',
        what: w,
        durationMs: ms,
        detail: t.detail,
        reading: null,
      });
    else failed('client', w, ms, t.detail, t.timedOut);
  }

  if (wants('runtime')) {
    const argv = ['docker', ...globals, 'pull', o.image.ref];
    const what = argv.join(' ');
    if (!o.state.docker.cli) skip('runtime', what, 'no docker CLI on this machine');
    else {
      o.onStep?.({ step: 'runtime', status: 'running', what });
      const r = await docker(['pull', o.image.ref], o.timeoutMs);
      if (r.exitCode === 0)
        record({
          step: 'runtime',
          actor: 'runtime',
          status: 'ok',
          what,
          durationMs: r.durationMs,
          detail: `pulled ${o.image.digest.slice(0, 19)}…`,
          reading: null,
        });
      else failed('runtime', what, r.durationMs, `${r.stderr}\n${r.stdout}`, r.timedOut);
    }
  }

  const built: string[] = [];
  if (wants('builder') || wants('run')) {
    const dir = mkdtempSync(join(o.tmp ?? tmpdir(), 'buildproxy-verify-'));
    try {
      for (const step of ['builder', 'run'] as const) {
        if (!wants(step)) continue;
        if (!route) {
          skip(step, 'build', 'no builder is reachable: neither the docker CLI nor buildctl was found');
          continue;
        }
        const ctx = join(dir, step);
        const iid = join(dir, `${step}.iid`);
        mkdirSync(ctx, { mode: 0o700 }); // inside our private folder: nobody else can have made it
        writeFileSync(join(ctx, 'Dockerfile'), verifyDockerfile(step, o.image, nonce), {
          flag: 'wx',
          mode: 0o644,
        });
        const argv = buildArgv(route, step, ctx, iid, url);
        const what = redact(
          `${route.label} (${step === 'run' ? `RUN fetches ${url}` : `FROM ${o.image.ref} with --pull`})`,
        );
        o.onStep?.({ step, status: 'running', what });
        const r = await exec(argv, { timeoutMs: o.timeoutMs, env });
        const id = readIid(iid);
        if (id) built.push(id);
        if (r.exitCode === 0)
          record({
            step,
            actor: STEP_ACTOR[step],
            status: 'ok',
            what,
            durationMs: r.durationMs,
            detail: step === 'run' ? `RUN reached ${url}` : 'base image pulled through the builder',
            reading: null,
          });
        else failed(step, what, r.durationMs, `${r.stderr}\n${r.stdout}`, r.timedOut);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // Remove only what verify added: the images it built (by id, never a tag) and the base image if it was absent.
  if (usesDocker) {
    // (a docker-container builder keeps its result in its own cache: nothing lands in dockerd's store)
    for (const id of built) if (route?.loadsImage) await removeIfPresent(id);
    if (existed === true) cleanup.kept.push(o.image.ref);
    else if (existed === false) await removeIfPresent(o.image.ref);
    else
      cleanup.failed.push(
        `${o.image.ref}: docker did not say whether it was there before, so verify left it; if verify added it: docker image rm ${o.image.ref}`,
      );
  }

  return {
    format: VERIFY_FORMAT,
    image: o.image.ref,
    url: redact(url),
    builder: route ? redact(route.label) : null,
    steps: results,
    cleanup,
    ok: results.every((s) => s.status === 'ok' || s.status === 'skipped'),
  };

  function skip(step: VerifyStepId, what: string, why: string) {
    record({
      step,
      actor: STEP_ACTOR[step],
      status: 'skipped',
      what,
      durationMs: 0,
      detail: why,
      reading: null,
    });
  }

  async function removeIfPresent(ref: string) {
    const now = await docker(['image', 'inspect', '--format', '{{.Id}}', ref], short);
    if (now.exitCode !== 0) return;
    // No --force: an image a container uses, or one the user tagged meanwhile, stays.
    const r = await docker(['image', 'rm', ref], short);
    if (r.exitCode === 0) cleanup.removed.push(ref);
    else
      cleanup.failed.push(
        `docker image rm ${ref}: ${firstLine(r.stderr, keep) || (r.timedOut ? 'timed out' : 'failed')}`,
      );
  }
}

/** docker's --iidfile: "sha256:<64 hex>" or nothing (a build that failed, buildctl). */
function readIid(path: string): string | null {
  try {
    const t = readFileSync(path, 'utf8').trim();
    return /^sha256:[a-f0-9]{64}$/.test(t) ? t : null;
  } catch {
    return null;
  }
}
