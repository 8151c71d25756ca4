// Editing one line as readline does: the keys a shell user expects in a text field. Pure: the field keeps the
// value in the wizard's reducer and the cursor beside it. Positions count code points, so an emoji or a CJK
// character moves as one.

export interface Line {
  value: string;
  /** where the next character goes: 0 … the value's length in code points */
  cursor: number;
}

/** The subset of Ink's key flags an edit reads. */
export interface EditKey {
  leftArrow?: boolean;
  rightArrow?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  home?: boolean;
  end?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  escape?: boolean;
  tab?: boolean;
  return?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
}

const chars = (s: string) => Array.from(s);

/** Control characters never enter a field (a paste of "\t\t", a stray escape): only text does. */
export function printable(input: string): string {
  return input.replace(/[\x00-\x1f\x7f\x80-\x9f]+/g, '');
}

/**
 * The line after one key, or null when the key is not the field's (enter, esc, ↑↓, tab: the form's). Keys:
 * ←/→ and ctrl-b/f by a character; Home/End and ctrl-a/e to the ends; backspace before the cursor (Ink reports
 * the Backspace key as `delete`: the terminal sends DEL), ctrl-d the character under it; ctrl-u everything before
 * it, ctrl-k everything after, ctrl-w the word before it; text is inserted at the cursor.
 */
export function editLine(line: Line, input: string, key: EditKey): Line | null {
  const cs = chars(line.value);
  const at = Math.max(0, Math.min(line.cursor, cs.length));
  const to = (value: string[], cursor: number): Line => ({ value: value.join(''), cursor });
  if (key.return || key.escape || key.upArrow || key.downArrow || key.tab || key.pageUp || key.pageDown)
    return null;
  if (key.leftArrow || (key.ctrl && input === 'b')) return to(cs, Math.max(0, at - 1));
  if (key.rightArrow || (key.ctrl && input === 'f')) return to(cs, Math.min(cs.length, at + 1));
  if (key.home || (key.ctrl && input === 'a')) return to(cs, 0);
  if (key.end || (key.ctrl && input === 'e')) return to(cs, cs.length);
  if (key.backspace || key.delete)
    return at === 0 ? to(cs, 0) : to([...cs.slice(0, at - 1), ...cs.slice(at)], at - 1);
  if (key.ctrl && input === 'd') return to([...cs.slice(0, at), ...cs.slice(at + 1)], at);
  if (key.ctrl && input === 'u') return to(cs.slice(at), 0);
  if (key.ctrl && input === 'k') return to(cs.slice(0, at), at);
  if (key.ctrl && input === 'w') {
    let from = at;
    while (from > 0 && cs[from - 1] === ' ') from--;
    while (from > 0 && !/[\s/:@,]/.test(cs[from - 1]!)) from--;
    return to([...cs.slice(0, from), ...cs.slice(at)], from);
  }
  if (key.ctrl || key.meta) return null;
  const text = chars(printable(input));
  if (!text.length) return null;
  return to([...cs.slice(0, at), ...text, ...cs.slice(at)], at + text.length);
}
