#!/usr/bin/env node
// buildproxy: get docker build working behind a corporate proxy.
// Commands load lazily, so `--version` and `--help` start about as fast as node itself.
import { redactAll } from '@buildproxy/core/proxy';
import { codeCacheLoader } from './code-cache.js';
import { isUsageError, UsageError } from './errors.js';
import { type Io, processIo } from './io.js';
import { sibling } from './sibling.js';

const HELP = `buildproxy ${__BUILDPROXY_VERSION__} — get docker build working behind a corporate proxy

Usage:
  buildproxy                 the guided wizard: detect, ask, preview, write, verify (needs a terminal)
  buildproxy doctor          diagnose every actor's proxy (client, runtime, builder, RUN steps)
  buildproxy plan            preview the config changes that fix the findings, as diffs
  buildproxy apply PLAN      write a plan safely (verify, back up, atomic write)
  buildproxy undo PLAN|--last  put back the files one apply wrote (refusing any changed since)
  buildproxy verify          try it for real: token request, pull, build with --pull, a RUN step's fetch
  buildproxy route URL       which proxy each actor uses for URL, and why
  buildproxy why "ERROR"     which actor and rule a build error points to (also reads stdin)
  buildproxy rules           list the rule catalogue
  buildproxy explain RULE    explain one rule
  buildproxy report DIR      merge many machines' doctor --json: machines × actors × rules
  buildproxy mcp             a read-only Model Context Protocol server over stdio, for coding agents

Options: --help, --version, --no-color (also NO_COLOR). Run 'buildproxy COMMAND --help' for details,
'buildproxy --help wizard' for the wizard's flags.
The wizard without a terminal: buildproxy --proxy URL [--target T ...] --yes
Exit codes: 0 no errors, 1 errors found, 2 bad usage or bad input.
`;

type Command = (argv: string[], io: Io) => Promise<number>;

// Each command, and the wizard, is its own CommonJS file next to this one (dist/doctor.cjs, dist/wizard.cjs, …):
// loading a command costs one file, and --version loads none.
const command = (file: string, name: string) => async (): Promise<Command> =>
  (sibling(`./${file}.cjs`) as Record<string, Command>)[name]!;
const COMMANDS: Record<string, () => Promise<Command>> = {
  doctor: command('doctor', 'doctor'),
  plan: command('plan', 'plan'),
  apply: command('apply', 'apply'),
  undo: command('apply', 'undo'),
  route: command('route', 'route'),
  rules: command('rules', 'rules'),
  explain: command('rules', 'explain'),
  why: command('why', 'why'),
  verify: command('verify', 'verify'),
  mcp: command('mcp', 'mcp'),
  report: command('fleet', 'report'),
};
const wizard = async (argv: string[], io: Io): Promise<number> =>
  (sibling('./wizard.cjs') as typeof import('./wizard/entry.js')).wizard(argv, io);

export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--version' || first === '-v' || first === 'version' || argv.includes('--version')) {
      io.out(`${__BUILDPROXY_VERSION__}\n`);
      return 0;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      if (rest[0] === 'wizard') return await wizard(['--help'], io);
      if (rest[0] && COMMANDS[rest[0]]) return await (await COMMANDS[rest[0]]!())(['--help'], io);
      io.out(HELP);
      return 0;
    }
    if (first === undefined || first.startsWith('-')) return await wizard(argv, io);
    if (first === '__file-op') {
      // apply's writer, started as a file's owner by the single executable (it cannot run node -e)
      (sibling('./apply.cjs') as typeof import('./commands/apply.js')).fileOpChild();
      return 0;
    }
    const load = COMMANDS[first];
    if (!load)
      throw new UsageError(
        `unknown command "${first}"`,
        'commands: doctor, plan, apply, undo, verify, route, why, rules, explain, report, mcp (see buildproxy --help)',
      );
    return await (await load())(rest, io);
  } catch (e) {
    if (isUsageError(e)) {
      // Messages may quote what the user typed, credentials included.
      io.err(redactAll(`buildproxy: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`));
      return 2;
    }
    io.err(
      redactAll(`buildproxy: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
    );
    return 70;
  }
}

// EPIPE (e.g. `buildproxy doctor | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

// The commands' files through V8's code cache made at build time (code-cache.ts); the single executable, and the
// build's training run, put their own loader here first.
globalThis.__buildproxySibling ??= codeCacheLoader(__dirname);

main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
