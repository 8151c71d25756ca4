// The CLI's only handle on the outside world for output, so tests can capture it.
import { safeForTerminal } from '@buildproxy/core';
import { makeStyle, OWN_SGR, type Style, wantsColor } from './render/style.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  style(noColorFlag: boolean): Style;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** the platform commands run on (tests inject darwin/win32); default process.platform */
  platform?: string;
}

export function processIo(): Io {
  return {
    // The output boundary: whatever a command prints passes here, so text from outside (daemon answers, file
    // contents, pasted errors) cannot drive the terminal. Only our own colours survive.
    out: (s) => process.stdout.write(safeForTerminal(s, { keepSgr: OWN_SGR })),
    err: (s) => process.stderr.write(safeForTerminal(s, { keepSgr: OWN_SGR })),
    style: (noColorFlag) => makeStyle(wantsColor(process.stdout, process.env, noColorFlag)),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    // Asked only by the commands that read stdin: touching process.stdin makes Node open it as a stream, which
    // loads its file-stream and FileHandle modules (fs/promises, readline) into every command's start-up.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
  };
}
