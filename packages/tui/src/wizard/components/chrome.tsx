// Frame pieces shared by every screen: the step header and the one-line key help at the bottom.
import { markOf } from '@buildproxy/core';
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { STEPS, type Step } from '../state.js';
import { Text } from './text.js';

const TITLES: Record<Step, string> = {
  detect: 'Detect',
  found: 'What we found',
  network: 'Your network',
  paste: 'Paste an error (optional)',
  review: 'Review the changes',
  act: 'Act',
  verify: 'Verify',
  done: 'Done',
};

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
      <Text dimColor>{keys}</Text>
    </Box>
  );
}

export function Mark({ verdict }: { verdict: string }) {
  const m = markOf(verdict);
  return m.colour === 'dim' ? <Text dimColor>{m.glyph}</Text> : <Text color={m.colour}>{m.glyph}</Text>;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
export function spinnerFrame(tick: number): string {
  return FRAMES[tick % FRAMES.length]!;
}
