// Where evidence comes from: the live machine (optionally under --root), or a captured bundle (--from).
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Evidence, EvidenceFormatError } from '@buildproxy/core/evidence/schema';
import { captureEvidence } from '@buildproxy/core/node/index';
import type { Values } from './args.js';
import { isUsageError, UsageError } from './errors.js';

export function timeoutFrom(v: Values): number {
  const t = v.timeout as string | undefined;
  if (t === undefined) return 3000;
  if (!/^\d+$/.test(t) || Number(t) < 1)
    throw new UsageError(`--timeout "${t}" is not a number of milliseconds`, 'fix: e.g. --timeout 5000');
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
const BUNDLE_FIX = 'fix: give the file written by buildproxy doctor --capture FILE';

/**
 * The bundle's text. Opened non-blocking and checked with fstat first, so a FIFO or a device given as the bundle
 * (by a person, or by an agent through `buildproxy mcp`) can neither block nor fill memory.
 */
function readBundle(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw new UsageError(`cannot read the evidence bundle ${path}`, BUNDLE_FIX);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`the evidence bundle ${path} is not a regular file`, BUNDLE_FIX);
    if (st.size > MAX_BUNDLE)
      throw new UsageError(`${path} is ${st.size} bytes; an evidence bundle is at most 32 MiB`, BUNDLE_FIX);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

export async function loadBundle(path: string): Promise<Evidence> {
  const text = readBundle(path);
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
  const { parseBuildCommand } = await import('@buildproxy/core/command/parse');
  const { composePaths } = await import('@buildproxy/core/analyze/command');
  let cmd: ReturnType<typeof parseBuildCommand>;
  try {
    cmd = parseBuildCommand(text, ev.env);
  } catch (e) {
    throw new UsageError(`--command: ${(e as Error).message}`);
  }
  const cwd = process.cwd();
  const files = { ...ev.files };
  if (cmd.tool === 'compose-build') {
    const root = v.root as string | undefined;
    for (const path of composePaths(cmd, cwd)) {
      if (path in files) continue;
      try {
        files[path] = readFileSync(root ? join(root, path) : path, 'utf8');
      } catch {
        files[path] = null;
      }
    }
  }
  return { ...ev, files, buildCommand: { text, cwd } };
}

export async function getEvidence(v: Values, opts: { mask?: boolean } = {}): Promise<Evidence> {
  return withCommand(await evidenceOf(v, opts), v);
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
      root: v.root as string | undefined,
      dockerfile: v.file as string | undefined,
      mask: opts.mask,
    });
  } catch (e) {
    if (isUsageError(e)) throw e;
    throw new UsageError((e as Error).message);
  }
}

/** The client-shell target edits the shell's rc file; read it only when planning on this machine. */
export async function readShellRc(ev: Evidence, root: string | undefined): Promise<Evidence> {
  const shell = process.env.SHELL ?? '';
  const name = shell.endsWith('zsh') ? '.zshrc' : shell.endsWith('bash') ? '.bashrc' : '.profile';
  const path = `${ev.host.home}/${name}`;
  if (path in ev.files) return ev;
  let content: string | null = null;
  try {
    content = readFileSync(root ? join(root, path) : path, 'utf8');
  } catch {
    content = null;
  }
  return {
    ...ev,
    files: { ...ev.files, [path]: content },
    env: shell ? { ...ev.env, SHELL: shell } : ev.env,
  };
}
