import type { Plan } from '@buildproxy/core';
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { renderPlan } from '../../render/plan.js';
import { makeStyle } from '../../render/style.js';
import { Screen } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';

export function ReviewScreen({
  plan,
  error,
  color,
  onNext,
  onBack,
}: {
  plan: Plan | null;
  error: string | null;
  color: boolean;
  onNext: () => void;
  onBack: () => void;
}) {
  const [top, setTop] = useState(0);
  const height = 15;
  const lines = plan ? renderPlan(plan, makeStyle(color)).trimEnd().split('\n') : [];
  useNavKeys({ onBack });
  useInput((input, key) => {
    const max = Math.max(0, lines.length - height);
    if (key.downArrow || input === 'j') setTop((t) => Math.min(max, t + 1));
    else if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
    else if (key.pageDown || input === ' ') setTop((t) => Math.min(max, t + height));
    else if (key.pageUp) setTop((t) => Math.max(0, t - height));
    else if (key.return && plan) onNext();
  });
  if (error) {
    return (
      <Screen step="review" keys="esc/b back and change your answers · q quit">
        <Text color="red">Cannot plan: {error}</Text>
      </Screen>
    );
  }
  if (!plan) {
    return (
      <Screen step="review" keys="…">
        <Text dimColor>Planning…</Text>
      </Screen>
    );
  }
  return (
    <Screen step="review" keys="↑↓/jk/space scroll · enter choose what to do · esc/b back · q quit">
      <Box flexDirection="column" height={height}>
        {lines.slice(top, top + height).map((l, i) => (
          <Text key={`${top + i}`} wrap="truncate">
            {l || ' '}
          </Text>
        ))}
      </Box>
      <Text dimColor>
        {plan.changes.length} file(s), {plan.commands.length} command(s) · lines{' '}
        {Math.min(lines.length, top + 1)}–{Math.min(lines.length, top + height)} of {lines.length}
      </Text>
    </Screen>
  );
}
