// The build command the user runs (--command): which builder it reaches, and the RUN steps' proxy it passes.
// buildctl gives RUN steps only its --opt build-arg: values; docker build, buildx and compose add config.json's
// proxies under their own build args.
import { COMPOSE_NAMES, composeBuildArgs } from '../command/compose.js';
import { type BuildCommand, parseBuildCommand } from '../command/parse.js';
import type { Evidence } from '../evidence/schema.js';
import type { BuildctlState } from './buildctl.js';
import { canonicalName } from './layers.js';
import type { ActorState, BuilderKind, BuilderState, EffectiveProxy, VarValue } from './types.js';

const join = (cwd: string, p: string) => (p.startsWith('/') ? p : `${cwd.replace(/\/+$/, '')}/${p}`);

/** The compose files `docker compose build` reads: -f in order, else the first default name present. */
export function composePaths(command: BuildCommand, cwd: string): string[] {
  if (command.composeFiles.length) return command.composeFiles.map((f) => join(cwd, f));
  return COMPOSE_NAMES.map((n) => join(cwd, n));
}

/** The command from the evidence, parsed; compose build.args folded in. null when none was given. */
export function commandOf(ev: Evidence): BuildCommand | null {
  const given = ev.buildCommand;
  if (!given) return null;
  let cmd: BuildCommand;
  try {
    cmd = parseBuildCommand(given.text, ev.env);
  } catch {
    return null; // the CLI refuses such a command before analysis; a hand-edited bundle just loses it
  }
  if (cmd.tool !== 'compose-build') return cmd;
  const paths = composePaths(cmd, given.cwd);
  const files = cmd.composeFiles.length ? paths : paths.filter((p) => ev.files[p] != null).slice(0, 1);
  for (const path of files) {
    const text = ev.files[path];
    if (text == null) continue;
    try {
      for (const s of composeBuildArgs(text, ev.env)) {
        if (cmd.services.length && !cmd.services.includes(s.service)) continue;
        for (const a of s.args) cmd.buildArgs.push({ name: a.name, value: a.value, from: 'compose' });
      }
    } catch (e) {
      cmd.mistakes.push(`${path}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return cmd;
}

const TOOL_TEXT: Record<BuildCommand['tool'], string> = {
  buildctl: 'buildctl build',
  'docker-build': 'docker build',
  'buildx-build': 'docker buildx build',
  'compose-build': 'docker compose build',
};

export function commandText(c: BuildCommand): string {
  return TOOL_TEXT[c.tool];
}

/** The builder the build reaches. Without --command: BUILDKIT_HOST, or no running dockerd, means buildctl. */
export function builderKindOf(
  ev: Evidence,
  command: BuildCommand | null,
  bctl: BuildctlState | null,
  bx: BuilderState | null,
  dockerUp: boolean,
): BuilderKind {
  const fromBuildx = (): BuilderKind => {
    if (!bx) return 'none';
    if (bx.driver === 'docker') return 'dockerd';
    if (bx.driver === 'docker-container' || bx.driver === 'kubernetes' || bx.driver === 'remote')
      return bx.driver;
    return 'none';
  };
  if (command) return command.tool === 'buildctl' && bctl ? 'buildkitd' : fromBuildx();
  if (bctl && (ev.env.BUILDKIT_HOST || (!dockerUp && bctl.tie))) return 'buildkitd';
  return fromBuildx();
}

/** The RUN steps' proxy for this command: its build args (first of each name wins… as the last flag does). */
export function runFromCommand(
  command: BuildCommand | null,
  fallback: Pick<ActorState, 'status' | 'label' | 'proxy' | 'netns'>,
): ActorState {
  const base: ActorState = { actor: 'run', notes: [], ...fallback };
  if (!command) return base;
  const proxy: EffectiveProxy =
    command.tool === 'buildctl'
      ? { http: null, https: null, noProxy: null, all: null }
      : { ...fallback.proxy };
  const origin = { kind: 'profile' as const, ref: `${commandText(command)} (--command)` };
  for (const a of command.buildArgs) {
    const c = canonicalName(a.name);
    if (!c || a.value === null || a.value === '') continue;
    const v: VarValue = {
      name: a.name,
      value: a.value,
      origin: a.from === 'compose' ? { kind: 'file', ref: 'compose build.args' } : origin,
    };
    if (c === 'HTTP_PROXY') proxy.http = v;
    else if (c === 'HTTPS_PROXY') proxy.https = v;
    else if (c === 'NO_PROXY') proxy.noProxy = v;
    else if (c === 'ALL_PROXY') proxy.all = v;
  }
  const label =
    command.tool === 'buildctl'
      ? 'RUN steps (only the --opt build-arg: values of your buildctl command)'
      : `RUN steps (${commandText(command)} build args, then ~/.docker/config.json proxies)`;
  return { ...base, status: 'known', label, proxy };
}
