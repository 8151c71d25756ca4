#!/usr/bin/env node
import { apply } from './commands/apply.js';
// buildproxy: get docker build working behind a corporate proxy.
import { DOCTOR_HELP, doctor } from './commands/doctor.js';
import { plan } from './commands/plan.js';
import { route } from './commands/route.js';
import { explain, rules } from './commands/rules.js';
import { UsageError } from './errors.js';
import { type Io, processIo } from './io.js';

const HELP = `buildproxy ${__BUILDPROXY_VERSION__} — get docker build working behind a corporate proxy

Usage:
  buildproxy                 check this machine (the guided wizard is coming; today: doctor)
  buildproxy doctor          diagnose every actor's proxy (client, runtime, builder, RUN steps)
  buildproxy plan            preview the config changes that fix the findings, as diffs
  buildproxy apply PLAN      write a plan safely (verify, back up, atomic write)
  buildproxy route URL       which proxy each actor uses for URL, and why
  buildproxy rules           list the rule catalogue
  buildproxy explain RULE    explain one rule

Options: --help, --version, --no-color (also NO_COLOR). Run 'buildproxy COMMAND --help' for details.
Exit codes: 0 no errors, 1 errors found, 2 bad usage or bad input.
`;

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  doctor,
  plan,
  apply,
  route,
  rules,
  explain,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--version' || first === '-v' || first === 'version') {
      io.out(`${__BUILDPROXY_VERSION__}\n`);
      return 0;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.out(rest[0] === 'doctor' ? DOCTOR_HELP : HELP);
      return 0;
    }
    if (first === undefined || first.startsWith('-')) return await doctor(argv, io);
    const cmd = COMMANDS[first];
    if (!cmd)
      throw new UsageError(
        `unknown command "${first}"`,
        'commands: doctor, plan, apply, route, rules, explain (see buildproxy --help)',
      );
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`buildproxy: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`);
      return 2;
    }
    io.err(`buildproxy: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}

// EPIPE (e.g. `buildproxy doctor | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
