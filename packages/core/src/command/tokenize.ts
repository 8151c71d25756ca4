// The user's build command as the shell would split it (shell-quote: quotes, escapes, $VAR), bounded, and cut at
// the first control operator after the build command (`cd app && buildctl build … | tee log`).
import { parse as shellParse } from 'shell-quote';

/** Longest command accepted: a pasted command line, not a script. */
export const MAX_COMMAND = 64 * 1024;

export class CommandError extends Error {}

/**
 * Words of each simple command in the text. $NAME and ${NAME} expand from env (the user's shell as captured);
 * an unknown variable stays as written, so a value the doctor cannot see is shown, not guessed empty.
 */
export function shellWords(text: string, env: Readonly<Record<string, string>>): string[][] {
  if (text.length > MAX_COMMAND)
    throw new CommandError(
      `the command is ${text.length} characters long; paste the build command only (at most ${MAX_COMMAND})`,
    );
  // Joined continuation lines, as the shell reads them.
  const joined = text.replace(/\\\r?\n/g, ' ');
  const parts = shellParse(joined, (name: string) => (name in env ? env[name] : `$${name}`));
  const out: string[][] = [[]];
  for (const p of parts) {
    if (typeof p === 'string') out.at(-1)!.push(p);
    else if ('op' in p && p.op === 'glob') out.at(-1)!.push((p as { pattern: string }).pattern);
    else if ('comment' in p) break;
    else out.push([]);
  }
  return out.filter((w) => w.length > 0);
}
