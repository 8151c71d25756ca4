// A fixed-height window over many lines: ↑↓/jk by line, space/PgDn and PgUp by page.
import { Box, useInput } from 'ink';
import { useState } from 'react';
import { Text } from './text.js';

export function useScroll(total: number, height: number): number {
  const [top, setTop] = useState(0);
  const max = Math.max(0, total - height);
  useInput((input, key) => {
    if (key.downArrow || input === 'j') setTop((t) => Math.min(max, t + 1));
    else if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
    else if (key.pageDown || input === ' ') setTop((t) => Math.min(max, t + height));
    else if (key.pageUp) setTop((t) => Math.max(0, t - height));
  });
  return Math.min(top, max);
}

export function ScrollView({ lines, top, height }: { lines: string[]; top: number; height: number }) {
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(top, top + height).map((l, i) => (
        <Text key={`${top + i}`} wrap="truncate">
          {l || ' '}
        </Text>
      ))}
    </Box>
  );
}
