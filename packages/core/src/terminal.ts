// Text from outside (a pasted error, a daemon's answer, a file's content) must not drive the terminal: an OSC 52
// sequence writes the clipboard, ESC[2J clears the screen, OSC 0 sets the window title, C1 controls do the same
// on terminals that take 8-bit controls, and bidi overrides reorder what a person reads. Every such character is
// shown escaped instead (\x1b, \u202e), so the text stays readable and nothing is lost. Linear, no regex.

/** Counts the characters looked at; tests use it to show the work grows linearly. */
export interface SanitizeCounter {
  ops: number;
}

export interface SanitizeOptions {
  /**
   * Keep SGR colour sequences with exactly these parameters (ESC[<p>m): the CLI's own styling. Nothing else
   * survives, so outside text can at most colour itself with the same few colours.
   */
  keepSgr?: ReadonlySet<string>;
}

function hex(c: number, width: 2 | 4): string {
  return c.toString(16).padStart(width, '0');
}

function isBidiControl(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f;
}

/** The SGR sequence at i (ESC [ digits/; m), if its parameters are one of `keep`; its length, else 0. */
function keptSgr(text: string, i: number, keep: ReadonlySet<string> | undefined): number {
  if (!keep || text.charCodeAt(i + 1) !== 0x5b) return 0;
  // Our own sequences are short: never look further than 8 characters.
  for (let j = i + 2; j < text.length && j < i + 10; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x6d) return keep.has(text.slice(i + 2, j)) ? j - i + 1 : 0;
    if (!((c >= 0x30 && c <= 0x39) || c === 0x3b)) return 0;
  }
  return 0;
}

/**
 * Escape every control character except newline and tab: C0 (ESC, BEL, CR, backspace…), DEL, C1 (U+0080–U+009F)
 * and bidi overrides. CR is escaped too, since it lets a line overwrite what was printed before it.
 */
export function safeForTerminal(
  text: string,
  opts: SanitizeOptions = {},
  counter: SanitizeCounter = { ops: 0 },
): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    counter.ops++;
    const c = text.charCodeAt(i);
    const control = (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
    if (!control && !isBidiControl(c)) continue;
    if (c === 0x1b) {
      const keep = keptSgr(text, i, opts.keepSgr);
      if (keep > 0) {
        counter.ops += keep;
        i += keep - 1;
        continue;
      }
    }
    out += text.slice(from, i) + (c < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
