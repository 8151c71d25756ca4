// Where evidence comes from: the live machine (optionally under --root), or a captured bundle (--from).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { composePaths, parseBuildCommand, parseEngineCommand } from '@buildproxy/core';
import { type Evidence, EvidenceFormatError } from '@buildproxy/core/evidence';
import { captureEvidence, readBounded } from '@buildproxy/core/node';
import type { Values } from './args.js';
import { isUsageError, UsageError } from './errors.js';

const MAX_TIMEOUT_MS = 600_000;

export function timeoutFrom(v: Values): number {
  const t = v.timeout as string | undefined;
  if (t === undefined) return 3000;
  if (!/^\d+$/.test(t) || Number(t) < 1)
    throw new UsageError(`--timeout "${t}" is not a number of milliseconds`, 'fix: e.g. --timeout 5000');
  // Node's timers hold at most 2^31-1 ms and fire after 1 ms beyond it, so a huge value would time out every probe.
  if (Number(t) > MAX_TIMEOUT_MS)
    throw new UsageError(
      `--timeout ${t} is more than ${MAX_TIMEOUT_MS} ms (10 minutes)`,
      'fix: e.g. --timeout 5000; a probe that takes minutes is wedged',
    );
  return Number(t);
}

export function probesFrom(v: Values): 'auto' | 'commands' {
  const p = (v.probes as string | undefined) ?? 'auto';
  if (p !== 'auto' && p !== 'commands')
    throw new UsageError(
      `--probes "${p}" is not auto or commands`,
      'fix: --probes auto (the default) or --probes commands',
    );
  return p;
}

// A bundle holds at most a few MiB (each file in it is capped at 1 MiB); anything bigger is not one.
const MAX_BUNDLE = 32 * 1024 * 1024;

/**
 * A file named on the command line (a capture, a plan), read without trusting its type or size: a FIFO, a device
 * or a huge file is a clear error (exit 2), never a hang or a gigabyte in memory.
 */
export function readInputFile(path: string, what: string, max: number, fix: string): string {
  const r = readBounded(path, max);
  if ('text' in r) return r.text;
  const why =
    r.problem === 'too-large'
      ? `it is ${r.size} bytes, more than the ${max / 1024 / 1024} MiB any ${what} needs`
      : r.problem === 'not-a-file'
        ? 'it is not a regular file (a FIFO, a device or a folder)'
        : r.problem === 'unreadable'
          ? 'permission denied'
          : 'it does not exist';
  throw new UsageError(`cannot read the ${what} ${path}: ${why}`, fix);
}

/** --root DIR must be a folder: a typo would otherwise diagnose an empty machine without a word. */
export function rootFrom(v: Values): string | undefined {
  const root = v.root as string | undefined;
  if (root === undefined) return undefined;
  let dir = false;
  try {
    dir = statSync(root).isDirectory();
  } catch {
    dir = false;
  }
  if (!dir)
    throw new UsageError(
      `--root ${root}: no such folder`,
      'fix: give the folder that holds the file tree (etc/, home/ …)',
    );
  return root;
}

export async function loadBundle(path: string): Promise<Evidence> {
  const text = readInputFile(
    path,
    'evidence bundle',
    MAX_BUNDLE,
    'fix: give the file written by buildproxy doctor --capture FILE',
  );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `${path} is not JSON: ${(e as Error).message}`,
      'fix: give the file written by buildproxy doctor --capture FILE',
    );
  }
  // zod loads only here: a live doctor never parses a bundle.
  const { parseEvidence } = await import('@buildproxy/core/validate');
  try {
    return parseEvidence(data);
  } catch (e) {
    if (e instanceof EvidenceFormatError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
}

/**
 * --command "buildctl build …": checked here (a clear error, exit 2), then carried in the evidence with the folder
 * it runs in; for `docker compose build` the compose files it reads come along (read under --root like the rest).
 */
export async function withCommand(ev: Evidence, v: Values): Promise<Evidence> {
  const text = v.command as string | undefined;
  if (text === undefined) return ev;
  return withCommandText(ev, text, v.root as string | undefined);
}

/** The same for a command typed in the wizard; throws UsageError naming what is wrong with it. */
export async function withCommandText(
  ev: Evidence,
  text: string,
  root: string | undefined,
): Promise<Evidence> {
  let cmd: ReturnType<typeof parseBuildCommand>;
  try {
    cmd = parseBuildCommand(text, ev.env);
  } catch (e) {
    // podman build, buildah bud, podman-compose: carried as given; the analysis reads them (State.engines.command)
    if (parseEngineCommand(text, ev.env)) return { ...ev, buildCommand: { text, cwd: process.cwd() } };
    throw new UsageError(`--command: ${(e as Error).message}`);
  }
  const cwd = process.cwd();
  const files = { ...ev.files };
  if (cmd.tool === 'compose-build') {
    for (const path of composePaths(cmd, cwd)) {
      if (path in files) continue;
      // Bounded like every other read: a compose file that is a FIFO or huge must not hang the doctor.
      const r = readBounded(root ? join(root, path) : path, 1024 * 1024);
      files[path] = 'text' in r ? r.text : null;
    }
  }
  return { ...ev, files, buildCommand: { text, cwd } };
}

export async function getEvidence(v: Values, opts: { mask?: boolean } = {}): Promise<Evidence> {
  return withCommand(await evidenceOf(v, opts), v);
}

/** buildctl --addr in the build command, for the capture to inspect the container or pod it names. */
export function commandAddr(text: string | undefined): string | null {
  if (text === undefined) return null;
  try {
    return parseBuildCommand(text, process.env as Record<string, string>).addr;
  } catch {
    return null; // withCommand reports the problem
  }
}

/**
 * The Dockerfile a buildctl command sends (--local dockerfile=DIR, --opt filename=), when --file is not given and
 * it exists: the doctor checks that file, not ./Dockerfile.
 */
export function commandDockerfile(text: string | undefined, file: string | undefined): string | undefined {
  if (file !== undefined || text === undefined) return file;
  try {
    const path = parseBuildCommand(text, process.env as Record<string, string>).dockerfile;
    return path && statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

async function evidenceOf(v: Values, opts: { mask?: boolean }): Promise<Evidence> {
  if (v.from !== undefined) {
    if (v.root !== undefined)
      throw new UsageError(
        '--from and --root cannot be combined',
        'fix: use --from FILE for a capture, or --root DIR for a file tree',
      );
    return loadBundle(v.from as string);
  }
  try {
    return await captureEvidence({
      timeoutMs: timeoutFrom(v),
      probes: probesFrom(v),
      root: rootFrom(v),
      dockerfile: commandDockerfile(v.command as string | undefined, v.file as string | undefined),
      mask: opts.mask,
      buildkitAddr: commandAddr(v.command as string | undefined),
      podmanCommand: /^\s*(?:sudo\s+)?(?:podman|buildah|podman-compose)\b/.test(
        (v.command as string | undefined) ?? '',
      ),
    });
  } catch (e) {
    if (isUsageError(e)) throw e;
    throw new UsageError((e as Error).message);
  }
}
