// A paragraph wrapped by the wizard (wrap.ts), not by Ink: continuation rows line up under a hanging indent and a
// path is never cut inside a name. Each row is its own line, so Ink has nothing left to wrap.
import { Box } from 'ink';
import type { ComponentProps } from 'react';
import { useTerminalSize } from './chrome.js';
import { Text } from './text.js';
import { wrapRows } from './wrap.js';

export function Wrapped({
  children,
  indent = 2,
  margin = 0,
  ...style
}: {
  children: string;
  /** continuation rows start this many columns in */
  indent?: number;
  /** columns already taken to the left of this text (a list's marker) */
  margin?: number;
} & Pick<ComponentProps<typeof Text>, 'color' | 'dimColor' | 'bold'>) {
  const { columns } = useTerminalSize();
  const rows = children.split('\n').flatMap((l) => wrapRows(l, columns - margin, indent));
  return (
    <Box flexDirection="column">
      {rows.map((r, i) => (
        <Text key={i} wrap="truncate" {...style}>
          {r || ' '}
        </Text>
      ))}
    </Box>
  );
}
