// Colour only for a terminal that wants it: NO_COLOR, --no-color, a pipe or TERM=dumb all mean plain text.
export interface Style {
  color: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  blue(s: string): string;
}

export function wantsColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
  noColorFlag: boolean,
): boolean {
  if (noColorFlag || env.NO_COLOR !== undefined || env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY);
}

/** The SGR parameters makeStyle emits: the only escape sequences the output boundary lets through. */
export const OWN_SGR: ReadonlySet<string> = new Set(['1', '2', '22', '31', '32', '33', '34', '36', '39']);

export function makeStyle(color: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) =>
    color ? `\x1b[${open}m${s}\x1b[${close}m` : s;
  return {
    color,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
    blue: wrap(34, 39),
  };
}
