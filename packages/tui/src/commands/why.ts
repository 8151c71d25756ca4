import { classifyError, findRule, redactAll } from '@buildproxy/core';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

export const WHY_HELP = `Usage: buildproxy why "ERROR TEXT" [--json]
       docker build . 2>&1 | buildproxy why

Which actor (client, runtime, builder, RUN step) and which rules a build error points to.
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function why(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('why', argv, { json: { type: 'boolean' } }, 1);
  if (values.help) {
    io.out(WHY_HELP);
    return 0;
  }
  let text = positionals[0];
  if (text === undefined || text === '-') {
    if (io.stdinIsTTY)
      throw new UsageError(
        'why needs the error text',
        'give it as an argument, or pipe the build output: docker build . 2>&1 | buildproxy why',
      );
    text = await readStdin();
  }
  const matches = classifyError(text);
  if (values.json) {
    io.out(`${redactAll(JSON.stringify({ matches }, null, 2))}\n`);
    return matches.length ? 0 : 1;
  }
  const st = io.style(values['no-color'] === true);
  if (matches.length === 0) {
    io.out('No known proxy failure in that text. Run buildproxy doctor to check every actor.\n');
    return 1;
  }
  for (const m of matches) {
    io.out(`${st.bold(m.actor)}: ${m.explanation}\n`);
    io.out(st.dim(`  matched: ${redactAll(m.excerpt)}\n`));
    for (const r of m.rules)
      io.out(`  → ${r}: ${findRule(r)?.title ?? ''}  ${st.dim(`(buildproxy explain ${r})`)}\n`);
  }
  return 0;
}
