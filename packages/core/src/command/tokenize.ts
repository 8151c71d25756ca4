// The user's build command as the shell would split it (shell-quote: quotes, escapes, $VAR), bounded, and cut at
// the first control operator after the build command (`cd app && buildctl build … | tee log`).
import { parse as shellParse } from 'shell-quote';
import type { ScanCounter } from '../proxy/redact.js';

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
  let parts: ReturnType<typeof shellParse>;
  try {
    parts = shellParse(shellPrepass(text), (name: string) => (name in env ? env[name] : `$${name}`));
  } catch (e) {
    // shell-quote's own refusals ("Bad substitution: ${") as the one error type the callers handle.
    throw new CommandError(
      `the command cannot be split into words as a shell would: ${(e as Error).message}`,
    );
  }
  const out: string[][] = [[]];
  for (const p of parts) {
    if (typeof p === 'string') out.at(-1)!.push(p);
    else if ('op' in p && p.op === 'glob') out.at(-1)!.push((p as { pattern: string }).pattern);
    else if ('comment' in p) break;
    else out.push([]);
  }
  return out.filter((w) => w.length > 0);
}

/**
 * What sh does before splitting that shell-quote does not (found by the differential test against /bin/sh): a
 * backslash-newline outside '…' is removed (a continuation line, joined with no space), and in "…" a backslash
 * before ` is dropped. One forward pass; n counts the characters it touches.
 */
export function shellPrepass(text: string, n: ScanCounter = { ops: 0 }): string {
  const out: string[] = [];
  let from = 0;
  let quote = 0 as 0 | 34 | 39;
  for (let i = 0; i < text.length; i++) {
    n.ops++;
    const c = text.charCodeAt(i);
    if (quote === 39) {
      if (c === 39) quote = 0;
      continue;
    }
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      const crlf = next === 13 && text.charCodeAt(i + 2) === 10;
      if (next === 10 || crlf || (quote === 34 && next === 96)) {
        out.push(text.slice(from, i));
        from = next === 96 ? i + 1 : i + (crlf ? 3 : 2);
      }
      i += crlf ? 2 : 1;
      continue;
    }
    if (c === 34) quote = quote === 34 ? 0 : 34;
    else if (c === 39 && quote === 0) quote = 39;
  }
  out.push(text.slice(from));
  return out.join('');
}
