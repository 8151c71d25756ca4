import { readError, redactAll } from '@buildproxy/core';
import { parse } from '../args.js';
import { readErrorInput, readTail } from '../error-input.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { renderReading } from '../render/reading.js';

export const WHY_HELP = `Usage: buildproxy why "ERROR TEXT" [--json]
       docker build . 2>&1 | buildproxy why
       buildproxy why --error FILE|-

Read a build error as a chain: which requester made the failing request (the build client, the runtime,
the builder, or a tool in a RUN step) and why it failed (the proxy was used and is unreachable, the request
went direct, the proxy refused or wants credentials, TLS inspection, a timeout…), with the rules that explain
it. Errors no proxy setting fixes (registry credentials, no buildkitd, client certificates) are said so.
With the machine at hand, buildproxy doctor --error FILE names the builder and picks the fix.

  --error FILE|-       read the error from FILE, or from stdin with -; only the last 256 KiB is kept
  --json               print the reading as JSON
  --no-color           plain text (also NO_COLOR=1)

Exit: 0 nothing recognised, 1 a build-network failure was recognised, 2 bad usage or no input.
`;

export async function why(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'why',
    argv,
    { json: { type: 'boolean' }, error: { type: 'string' } },
    1,
  );
  if (values.help) {
    io.out(WHY_HELP);
    return 0;
  }
  if (typeof values.error === 'string' && positionals[0] !== undefined)
    throw new UsageError(
      'give the error as an argument or with --error, not both',
      'see: buildproxy why --help',
    );
  let text: string;
  if (typeof values.error === 'string')
    text = await readErrorInput(values.error, process.stdin, io.stdinIsTTY);
  else if (positionals[0] !== undefined && positionals[0] !== '-') text = positionals[0];
  else {
    if (io.stdinIsTTY)
      throw new UsageError(
        'why needs the error text',
        'give it as an argument, or pipe the build output: docker build . 2>&1 | buildproxy why',
      );
    text = await readTail(process.stdin);
  }
  if (!text.trim()) throw new UsageError('the error text is empty', 'give the output of the failing build');
  const reading = readError(text, null, undefined, { BUILDKIT_HOST: io.env.BUILDKIT_HOST });
  if (values.json) io.out(`${redactAll(JSON.stringify({ reading }, null, 2))}\n`);
  else io.out(renderReading(reading, io.style(values['no-color'] === true)));
  return reading.recognised ? 1 : 0;
}
