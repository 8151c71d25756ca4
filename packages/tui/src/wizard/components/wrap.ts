// Wrapping for the wizard's screens, done here rather than by Ink: Ink's wrap restarts a continuation at the box's
// left edge and cuts a long word anywhere, so a backup path came out split mid-name ("config.j" / "son.bak") and
// could not be copied. Here a row breaks at a space; a word that fits on a row of its own moves there whole; only a
// word longer than a whole row (a deep path, a NO_PROXY list) is broken, after a "/" or "," where it has one.
// Continuation rows carry a hanging indent, so wrapped text lines up under its own start.

/** Where a row may end inside a word too long for any row: after one of these. */
const SOFT_BREAKS = new Set(['/', ',']);

/**
 * `text` as rows of at most `width` columns (one column per code point: the wizard's text is plain). Rows after the
 * first start with `indent` spaces. Never returns an empty list.
 */
export function wrapRows(text: string, width: number, indent = 2): string[] {
  const w = Math.max(10, width);
  const pad = ' '.repeat(Math.min(indent, Math.floor(w / 2)));
  const rows: string[] = [];
  let rest = [...text];
  let first = true;
  for (;;) {
    const room = first ? w : w - pad.length;
    if (rest.length <= room) break;
    const cut = cutAt(rest, room, w - pad.length, first ? lead(rest) : 0);
    rows.push((first ? '' : pad) + rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
    first = false;
  }
  rows.push((first ? '' : pad) + rest.join(''));
  return rows;
}

/**
 * How many of `chars` go on a row of `room` columns. `fresh` is the room a continuation row has: a word that fits
 * there is moved whole rather than split.
 */
function cutAt(chars: string[], room: number, fresh: number, indented: number): number {
  // the last space within the row: the words before it stay, the next word starts the next row
  let space = -1;
  for (let i = room; i > 0; i--) {
    if (chars[i] === ' ' || chars[i - 1] === ' ') {
      space = chars[i] === ' ' ? i : i - 1;
      break;
    }
  }
  let wordEnd = space + 1;
  while (wordEnd < chars.length && chars[wordEnd] !== ' ') wordEnd++;
  const word = wordEnd - (space + 1);
  if (space > indented && (word <= fresh || space > room / 2)) return space;
  // a word longer than any row: break it after its last "/" or "," inside this row (a short row beats a name cut
  // in two), else where the row ends
  for (let i = room; i > space + 1; i--) if (SOFT_BREAKS.has(chars[i - 1]!)) return i;
  return room;
}

function lead(chars: string[]): number {
  let n = 0;
  while (chars[n] === ' ') n++;
  return n;
}
