// Frame pieces shared by every screen: the step header and the one-line key help at the bottom.
import { markOf } from '@buildproxy/core';
import { Box, useStdout } from 'ink';
import { type ReactNode, useEffect, useState } from 'react';
import { STEPS, type Step, STEP_TITLES as TITLES } from '../state.js';
import { Text } from './text.js';
import { wrapRows } from './wrap.js';

export function Screen({ step, children, keys }: { step: Step; children: ReactNode; keys: string }) {
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color="cyan">
          buildproxy
        </Text>
        <Text dimColor>
          {' '}
          · step {STEPS.indexOf(step) + 1}/{STEPS.length} ·{' '}
        </Text>
        <Text bold>{TITLES[step]}</Text>
      </Text>
      <Box flexDirection="column" marginTop={1} marginBottom={1}>
        {children}
      </Box>
      {/* every screen has help on "?" (screens/help.tsx); the help's own line says how to leave it */}
      <KeyHelp keys={keys.includes('?') ? keys : `${keys} · ? help`} />
    </Box>
  );
}

/** The key help, wrapped between its " · " items: a row never ends in the middle of "esc back". */
function KeyHelp({ keys }: { keys: string }) {
  const { columns } = useTerminalSize();
  return (
    <Box flexDirection="column">
      {keyRows(keys, columns).map((r) => (
        <Text key={r} dimColor wrap="truncate">
          {r}
        </Text>
      ))}
    </Box>
  );
}

export function keyRows(keys: string, width: number): string[] {
  const rows: string[] = [];
  for (const item of keys.split(' · ')) {
    const last = rows.length - 1;
    if (last >= 0 && [...`${rows[last]} · ${item}`].length <= width) rows[last] = `${rows[last]} · ${item}`;
    else rows.push(...wrapRows(item, width));
  }
  return rows;
}

export function Mark({ verdict }: { verdict: string }) {
  const m = markOf(verdict);
  return m.colour === 'dim' ? <Text dimColor>{m.glyph}</Text> : <Text color={m.colour}>{m.glyph}</Text>;
}

/**
 * The terminal's size, following resizes. Frames stay shorter than the screen: a frame as tall as the terminal makes
 * Ink clear the screen and the scrollback on every key (ESC[2J ESC[3J), and scrolls the title off.
 */
export function useTerminalSize(): { rows: number; columns: number } {
  const { stdout } = useStdout();
  const read = () => ({ rows: stdout.rows || 24, columns: stdout.columns || 80 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  });
  return size;
}

/** Rows left for a scrolling view once the frame's other lines (title, gaps, footer, key help) are counted. */
export function useViewportHeight(otherLines: number): number {
  const { rows } = useTerminalSize();
  // the key help wraps to two lines below 80 columns; one more row keeps the frame below the screen's height
  return Math.max(3, rows - otherLines - 6);
}
