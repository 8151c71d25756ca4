// The CLI's only handle on the outside world for output, so tests can capture it.
import { makeStyle, type Style, wantsColor } from './render/style.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  style(noColorFlag: boolean): Style;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
}

export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    style: (noColorFlag) => makeStyle(wantsColor(process.stdout, process.env, noColorFlag)),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}
