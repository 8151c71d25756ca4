// A form taller than the terminal, shown as a window of whole blocks (a field with its notes, a list item) around
// the focused one. Used by the network step: at 60×20 with three targets and a "Cannot continue" line it was as
// tall as the terminal, and Ink then cleared the screen and the user's scrollback on every key.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { Wrapped } from './wrapped.js';

export interface Block {
  key: string;
  height: number;
  node: ReactNode;
}

/** A note under a field: wrapped under its own start, four columns in. */
export function Note({ text, color, dim = false }: { text: string; color?: string; dim?: boolean }) {
  return (
    <Box marginLeft={4}>
      <Wrapped margin={4} color={color} dimColor={dim}>
        {text}
      </Wrapped>
    </Box>
  );
}

/**
 * The blocks [from, to) to show: all when they fit `room` rows, else a run around `focus` that fits with a
 * "more above"/"more below" row for each side it hides, growing downwards first (what comes next), then up.
 */
export function windowAround(heights: number[], focus: number, room: number): [number, number] {
  const total = heights.reduce((a, b) => a + b, 0);
  if (total <= room) return [0, heights.length];
  let from = focus;
  let to = focus + 1;
  let used = heights[focus] ?? 0;
  const fits = (extra: number, f: number, t: number) =>
    used + extra + (f > 0 ? 1 : 0) + (t < heights.length ? 1 : 0) <= room;
  for (let grew = true; grew; ) {
    grew = false;
    if (to < heights.length && fits(heights[to]!, from, to + 1)) {
      used += heights[to++]!;
      grew = true;
    }
    if (from > 0 && fits(heights[from - 1]!, from - 1, to)) {
      used += heights[--from]!;
      grew = true;
    }
  }
  return [from, to];
}
