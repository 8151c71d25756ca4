// long because: one reader per build tool the doctor accepts (buildctl, docker build, docker buildx build,
// docker compose build), each with the flag forms of its real parser, kept together so they stay comparable.
// Which builder a pasted build command reaches and which proxy build args it passes to RUN steps.
import { CommandError, shellWords } from './tokenize.js';

export type BuildTool = 'buildctl' | 'docker-build' | 'buildx-build' | 'compose-build';

export interface BuildArg {
  name: string;
  /** null: `--build-arg NAME` takes the value from the environment, and it was not set */
  value: string | null;
  from: 'flag' | 'environment' | 'compose';
}

export interface BuildCommand {
  tool: BuildTool;
  /** the words of the build command itself */
  argv: string[];
  buildArgs: BuildArg[];
  /** buildctl --addr */
  addr: string | null;
  /** docker buildx build --builder, or docker --context / -H (which selects the daemon and its builder) */
  builder: string | null;
  context: string | null;
  host: string | null;
  /** buildctl: the Dockerfile it sends, --local dockerfile=DIR joined with --opt filename= (default Dockerfile) */
  dockerfile: string | null;
  /** docker compose -f FILE (in order) */
  composeFiles: string[];
  /** compose build SERVICE… */
  services: string[];
  /** flags given that the tool does not take, with the form it does take */
  mistakes: string[];
}

/** Leading words that run the next command: sudo (and its flags), env (and assignments), time, nice. */
function stripPrefix(words: string[]): string[] {
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined) return [];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i++;
    else if (w === 'sudo') {
      i++;
      while (words[i]?.startsWith('-')) i += /^-[ugCDhprtT]$/.test(words[i]!) ? 2 : 1;
    } else if (w === 'env' || w === 'time' || w === 'nice' || w === 'command' || w === 'exec') {
      i++;
      while (words[i]?.startsWith('-')) i++;
    } else return words.slice(i);
  }
}

const base = (w: string) => w.slice(w.lastIndexOf('/') + 1);

/** --flag VALUE or --flag=VALUE at words[i]; returns the value and how many words it used. */
function flagAt(
  words: string[],
  i: number,
  names: readonly string[],
): { value: string; used: number } | null {
  const w = words[i]!;
  for (const n of names) {
    if (w === n) return i + 1 < words.length ? { value: words[i + 1]!, used: 2 } : null;
    if (n.startsWith('--') && w.startsWith(`${n}=`)) return { value: w.slice(n.length + 1), used: 1 };
  }
  return null;
}

function buildArg(spec: string, env: Readonly<Record<string, string>>, from: BuildArg['from']): BuildArg {
  const eq = spec.indexOf('=');
  if (eq >= 0) return { name: spec.slice(0, eq), value: spec.slice(eq + 1), from };
  return { name: spec, value: env[spec] ?? null, from: 'environment' };
}

function empty(tool: BuildTool, argv: string[]): BuildCommand {
  return {
    tool,
    argv,
    buildArgs: [],
    addr: null,
    builder: null,
    context: null,
    host: null,
    dockerfile: null,
    composeFiles: [],
    services: [],
    mistakes: [],
  };
}

function parseBuildctl(words: string[]): BuildCommand | null {
  const cmd = empty('buildctl', words);
  let i = 1;
  for (; i < words.length && words[i] !== 'build'; i++) {
    const v = flagAt(words, i, ['--addr']);
    if (v) {
      cmd.addr = v.value;
      i += v.used - 1;
    }
  }
  if (words[i] !== 'build' && words[i] !== 'b') return null;
  let dir: string | null = null;
  let filename = 'Dockerfile';
  for (i++; i < words.length; i++) {
    const local = flagAt(words, i, ['--local']);
    if (local?.value.startsWith('dockerfile=')) dir = local.value.slice('dockerfile='.length);
    if (local) {
      i += local.used - 1;
      continue;
    }
    const opt = flagAt(words, i, ['--opt']);
    if (opt?.value.startsWith('filename=')) filename = opt.value.slice('filename='.length) || filename;
    if (opt) {
      const m = /^build-arg:(.*)$/s.exec(opt.value);
      // buildctl splits --opt at "=" and rejects a value without one ("invalid value …"): no environment lookup.
      if (m && m[1]!.includes('=')) cmd.buildArgs.push(buildArg(m[1]!, {}, 'flag'));
      else if (m)
        cmd.mistakes.push(
          `buildctl rejects --opt ${opt.value} without a value; write --opt ${opt.value}="$${m[1]}"`,
        );
      i += opt.used - 1;
      continue;
    }
    const ba = flagAt(words, i, ['--build-arg']);
    if (ba) {
      cmd.mistakes.push(`buildctl takes --opt build-arg:${ba.value}, not --build-arg ${ba.value}`);
      i += ba.used - 1;
    }
  }
  // The dockerfile frontend reads filename inside the dockerfile local (an absolute filename is still inside it).
  if (dir) cmd.dockerfile = `${dir.replace(/\/+$/, '') || '/'}/${filename.replace(/^\/+/, '')}`;
  return cmd;
}

/** docker's global flags before the subcommand: --context/-c, --host/-H, --config, -l, --tls…. */
function dockerGlobals(words: string[], cmd: BuildCommand): number {
  let i = 1;
  while (i < words.length && words[i]!.startsWith('-')) {
    const ctx = flagAt(words, i, ['--context', '-c']);
    const host = ctx ? null : flagAt(words, i, ['--host', '-H']);
    const other =
      ctx || host
        ? null
        : flagAt(words, i, ['--config', '--log-level', '-l', '--tlscacert', '--tlscert', '--tlskey']);
    if (ctx) cmd.context = ctx.value;
    if (host) cmd.host = host.value;
    i += (ctx ?? host ?? other)?.used ?? 1;
  }
  return i;
}

function parseDockerBuildFlags(
  words: string[],
  from: number,
  cmd: BuildCommand,
  env: Readonly<Record<string, string>>,
) {
  for (let i = from; i < words.length; i++) {
    const ba = flagAt(words, i, ['--build-arg']);
    if (ba) {
      cmd.buildArgs.push(buildArg(ba.value, env, 'flag'));
      i += ba.used - 1;
      continue;
    }
    const b = flagAt(words, i, ['--builder']);
    if (b) {
      cmd.builder = b.value;
      i += b.used - 1;
      continue;
    }
    const opt = flagAt(words, i, ['--opt']);
    if (opt?.value.startsWith('build-arg:'))
      cmd.mistakes.push(`docker build takes --build-arg ${opt.value.slice(10)}, not --opt ${opt.value}`);
    if (opt) i += opt.used - 1;
  }
}

function parseDocker(
  words: string[],
  env: Readonly<Record<string, string>>,
  compose: boolean,
): BuildCommand | null {
  const probe = empty('docker-build', words);
  let i = compose ? 1 : dockerGlobals(words, probe);
  const sub = words.slice(i, i + 2);
  let cmd: BuildCommand;
  if (!compose && (sub[0] === 'build' || (sub[0] === 'image' && sub[1] === 'build'))) {
    cmd = { ...probe, tool: 'docker-build' };
    i += sub[0] === 'build' ? 1 : 2;
  } else if (!compose && (sub[0] === 'buildx' || sub[0] === 'builder')) {
    let j = i + 1;
    const bx = { ...probe, tool: 'buildx-build' as const };
    for (; j < words.length && words[j]!.startsWith('-'); j++) {
      const b = flagAt(words, j, ['--builder']);
      if (b) {
        bx.builder = b.value;
        j += b.used - 1;
      }
    }
    if (words[j] !== 'build' && words[j] !== 'b') return null;
    cmd = sub[0] === 'builder' ? { ...bx, tool: 'docker-build' } : bx;
    i = j + 1;
  } else if (compose || sub[0] === 'compose') {
    cmd = { ...probe, tool: 'compose-build' };
    let j = compose ? 1 : i + 1;
    for (; j < words.length && words[j] !== 'build'; j++) {
      const f = flagAt(words, j, ['--file', '-f']);
      if (f) {
        cmd.composeFiles.push(f.value);
        j += f.used - 1;
      }
    }
    if (words[j] !== 'build') return null;
    for (let k = j + 1; k < words.length; k++) {
      const ba = flagAt(words, k, ['--build-arg']);
      if (ba) {
        cmd.buildArgs.push(buildArg(ba.value, env, 'flag'));
        k += ba.used - 1;
      } else if (!words[k]!.startsWith('-')) cmd.services.push(words[k]!);
    }
    return cmd;
  } else return null;
  parseDockerBuildFlags(words, i, cmd, env);
  return cmd;
}

/**
 * The first build command in the text. Throws CommandError when none is there, naming the forms accepted.
 * env: the user's shell (for $VAR and for `--build-arg NAME` without a value).
 */
export function parseBuildCommand(text: string, env: Readonly<Record<string, string>>): BuildCommand {
  for (const raw of shellWords(text, env)) {
    const words = stripPrefix(raw);
    const tool = words[0] ? base(words[0]) : '';
    const cmd =
      tool === 'buildctl'
        ? parseBuildctl(words)
        : tool === 'docker'
          ? parseDocker(words, env, false)
          : tool === 'docker-compose'
            ? parseDocker(words, env, true)
            : null;
    if (cmd) return cmd;
  }
  throw new CommandError(
    'no build command found; give the command you build with, e.g. --command "buildctl build --frontend dockerfile.v0 …", "docker build …", "docker buildx build …" or "docker compose build"',
  );
}
