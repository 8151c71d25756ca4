// A window over many lines that fits the terminal: ↑↓/jk by line, space/PgDn and PgUp by page. Long lines wrap
// (never cut with "…"), and a wrapped line continues under its own indent, so a path or a diff line reads whole.

import { markOf } from '@buildproxy/core';
import { Box } from 'ink';
import { useState } from 'react';
import { useTerminalSize, useViewportHeight } from './chrome.js';
import { useKeys } from './keys.js';
import { Text } from './text.js';
import { wrapRows } from './wrap.js';

export function useScroll(total: number, height: number): number {
  const [top, setTop] = useState(0);
  const max = Math.max(0, total - height);
  useKeys((input, key) => {
    if (key.downArrow || input === 'j') setTop((t) => Math.min(max, t + 1));
    else if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
    else if (key.pageDown || input === ' ') setTop((t) => Math.min(max, t + height));
    else if (key.pageUp) setTop((t) => Math.max(0, t - height));
  });
  return Math.min(top, max);
}

export type Tone = 'add' | 'remove' | 'hunk' | 'plain' | 'ok' | 'warn' | 'dim';

export interface ShownLine {
  text: string;
  tone: Tone;
}

/** The tone of a verdict's or a severity's mark (markOf's colour): a finding reads as its glyph does. */
export function markTone(verdict: string): Tone {
  const c = markOf(verdict).colour;
  return c === 'green'
    ? 'ok'
    : c === 'dim'
      ? 'dim'
      : c === 'yellow'
        ? 'warn'
        : c === 'red'
          ? 'remove'
          : 'plain';
}

function toneOf(line: string): Tone {
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+') && !line.startsWith('+++')) return 'add';
  if (line.startsWith('-') && !line.startsWith('---')) return 'remove';
  return 'plain';
}

/**
 * Plain lines wrapped to `width` columns (wrapRows: at spaces, a long path after a "/"). A continuation row starts
 * under the line's text: after its indent plus two, or after a status word's column ("wrote      /etc/…").
 * Each row keeps the tone of the line it came from: a diff colour, or the one given with the line.
 */
export function wrapLines(lines: (string | ShownLine)[], width: number): ShownLine[] {
  return lines.flatMap((line) => {
    const text = typeof line === 'string' ? line : line.text;
    const tone = typeof line === 'string' ? toneOf(line) : line.tone;
    const column = /^\S+ {2,}(?=\S)/.exec(text)?.[0].length ?? 0;
    const indent = column && column <= 14 ? column : (/^\s*/.exec(text)?.[0].length ?? 0) + 2;
    return wrapRows(text, width, indent).map((t) => ({ text: t, tone }));
  });
}

const COLOUR: Record<Tone, string | undefined> = {
  add: 'green',
  remove: 'red',
  hunk: 'cyan',
  plain: undefined,
  ok: 'green',
  warn: 'yellow',
  dim: undefined,
};

export function ScrollView({
  lines,
  top,
  height,
  color = false,
}: {
  lines: ShownLine[];
  top: number;
  height: number;
  color?: boolean;
}) {
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(top, top + height).map((l, i) => (
        <Text
          key={`${top + i}`}
          wrap="truncate"
          color={color ? COLOUR[l.tone] : undefined}
          dimColor={color && l.tone === 'dim'}
        >
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
}

/**
 * Lines that may be more than the screen holds: wrapped, shown whole when they fit, else in a window with ↑↓ and a
 * "lines a–b of n" row. The frame stays shorter than the terminal (a taller one makes Ink clear the screen and
 * the scrollback), whatever the terminal's size. `otherLines`: rows the screen shows besides these.
 */
export function FittedLines({
  lines,
  otherLines,
  color = false,
}: {
  lines: (string | ShownLine)[];
  otherLines: number;
  color?: boolean;
}) {
  const { columns } = useTerminalSize();
  const rows = wrapLines(lines, columns);
  const room = useViewportHeight(otherLines + 1);
  const height = rows.length <= room + 1 ? rows.length : room;
  const top = useScroll(rows.length, height);
  return (
    <Box flexDirection="column">
      <ScrollView lines={rows} top={top} height={height} color={color} />
      {rows.length > height ? (
        <Text dimColor>
          ↑↓ scroll · lines {top + 1}–{Math.min(rows.length, top + height)} of {rows.length}
        </Text>
      ) : null}
    </Box>
  );
}
