// A window over many lines that fits the terminal: ↑↓/jk by line, space/PgDn and PgUp by page. Long lines wrap
// (never cut with "…"), and a wrapped line continues under its own indent, so a path or a diff line reads whole.

import { Box } from 'ink';
import { useState } from 'react';
import { useKeys } from './keys.js';
import { Text } from './text.js';

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

export type Tone = 'add' | 'remove' | 'hunk' | 'plain';

export interface ShownLine {
  text: string;
  tone: Tone;
}

function toneOf(line: string): Tone {
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+') && !line.startsWith('+++')) return 'add';
  if (line.startsWith('-') && !line.startsWith('---')) return 'remove';
  return 'plain';
}

/**
 * Plain lines wrapped to `width` columns: at a space or after a comma where one is near, else hard; continuation
 * rows keep the line's indent plus two. Each row keeps the tone (diff colour) of the line it came from.
 */
export function wrapLines(lines: string[], width: number): ShownLine[] {
  const out: ShownLine[] = [];
  const w = Math.max(10, width);
  for (const line of lines) {
    const tone = toneOf(line);
    const indent = ' '.repeat(Math.min(Math.floor(w / 2), (/^\s*/.exec(line)?.[0].length ?? 0) + 2));
    let rest = line;
    let first = true;
    while ([...rest].length > (first ? w : w - indent.length)) {
      const room = first ? w : w - indent.length;
      const chars = [...rest];
      let cut = room;
      for (let i = room; i > room / 2; i--) {
        if (chars[i - 1] === ' ' || chars[i - 1] === ',') {
          cut = i;
          break;
        }
      }
      out.push({ text: (first ? '' : indent) + chars.slice(0, cut).join('').trimEnd(), tone });
      rest = chars.slice(cut).join('');
      first = false;
    }
    out.push({ text: (first ? '' : indent) + rest, tone });
  }
  return out;
}

const COLOUR: Record<Tone, string | undefined> = {
  add: 'green',
  remove: 'red',
  hunk: 'cyan',
  plain: undefined,
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
        <Text key={`${top + i}`} wrap="truncate" color={color ? COLOUR[l.tone] : undefined}>
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
