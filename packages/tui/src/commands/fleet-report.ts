// `buildproxy report DIR`: the doctor's JSON from many machines, merged. The files come from other machines (or
// anyone who can write to DIR), so each is read bounded: at most MAX_FILES of them, MAX_BYTES each, opened with
// O_NOFOLLOW|O_NONBLOCK and checked with fstat, so a symlink, a FIFO or a device is refused, never followed,
// waited on or read forever. The merge itself is core's (fleet/merge.ts).
import { constants, type Dirent, lstatSync, opendirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBounded } from '@buildproxy/core/node';
import {
  type FleetMachine,
  type FleetSkip,
  fleetExitCode,
  fleetText,
  mergeFleet,
  parseCapture,
} from '@buildproxy/core/report';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { renderFleet } from '../render/fleet.js';

export const MAX_FILES = 1000;
/** A doctor report is a few kilobytes; 4 MiB leaves room for a large --error reading and nothing more. */
export const MAX_BYTES = 4 * 1024 * 1024;

export const REPORT_HELP = `Usage: buildproxy report DIR [--json]

Merge the doctor's JSON from many machines into one table: machines × actors × rules, the most common failure
first. On each machine: buildproxy doctor --json > DIR/MACHINE.json (the file name names the machine).

Reads DIR/*.json only (at most ${MAX_FILES} files, ${MAX_BYTES / 1024 / 1024} MiB each). A symlink, FIFO, device, oversized or
malformed file is skipped and named on stderr.

Output:
  --json               print buildproxy.fleet/v1, for CI
  --no-color           plain text (also NO_COLOR=1)

Exit: 0 no errors, 1 at least one machine has an error finding, 2 bad usage or a file was skipped.
`;

/** The *.json entries of dir, sorted; more than MAX_FILES is refused rather than silently cut. */
function listCaptures(dir: string): string[] {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir);
  } catch (e) {
    throw new UsageError(
      `cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      'fix: buildproxy report DIR, a folder of doctor --json files',
    );
  }
  if (!st.isDirectory())
    throw new UsageError(
      `${dir} is not a folder`,
      'fix: buildproxy report DIR, a folder of doctor --json files',
    );
  const names: string[] = [];
  const d = opendirSync(dir);
  try {
    for (let e: Dirent | null = d.readSync(); e; e = d.readSync()) {
      if (!e.name.endsWith('.json')) continue;
      names.push(e.name);
      if (names.length > MAX_FILES)
        throw new UsageError(
          `${dir} holds more than ${MAX_FILES} .json files`,
          `fix: split them into folders of at most ${MAX_FILES} and run buildproxy report on each`,
        );
    }
  } finally {
    d.closeSync();
  }
  return names.sort();
}

function readCapture(dir: string, file: string): { text: string } | FleetSkip {
  const name = file.slice(0, -'.json'.length);
  const path = join(dir, file);
  const r = readBounded(path, MAX_BYTES, constants.O_NOFOLLOW);
  if ('text' in r) return r;
  let problem: string;
  if (r.problem === 'too-large') problem = `larger than ${MAX_BYTES} bytes (${r.size}); not a doctor report`;
  else if (r.problem === 'not-a-file') problem = 'not a regular file (a FIFO, device or folder); refused';
  else if (r.problem === 'unreadable') {
    // O_NOFOLLOW refused it (ELOOP) or permission was denied; lstat only says which, the open decided.
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {}
    problem = link ? 'a symbolic link; refused (copy the file itself into the folder)' : 'permission denied';
  } else problem = 'gone while reading';
  return { name: fleetText(name), problem };
}

export async function report(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('report', argv, { json: { type: 'boolean' } }, 1);
  if (values.help) {
    io.out(REPORT_HELP);
    return 0;
  }
  const dir = positionals[0];
  if (dir === undefined)
    throw new UsageError(
      'report needs a folder',
      'fix: buildproxy report DIR (each machine: buildproxy doctor --json > DIR/NAME.json)',
    );
  const parsed: (FleetMachine | FleetSkip)[] = listCaptures(dir).map((file) => {
    const r = readCapture(dir, file);
    return 'text' in r ? parseCapture(file.slice(0, -'.json'.length), r.text) : r;
  });
  const fleet = mergeFleet(parsed);
  for (const s of fleet.skipped) io.err(`buildproxy report: skipped ${s.name}.json: ${s.problem}\n`);
  if (fleet.machines.length === 0 && fleet.skipped.length === 0)
    throw new UsageError(
      `${dir} holds no .json files`,
      'fix: on each machine, buildproxy doctor --json > DIR/NAME.json',
    );
  if (values.json) io.out(`${JSON.stringify(fleet, null, 2)}\n`);
  else io.out(renderFleet(fleet, io.style(values['no-color'] === true)));
  return fleet.skipped.length > 0 ? 2 : fleetExitCode(fleet);
}
