import type { Plan } from '@buildproxy/core';
import { useInput } from 'ink';
import { renderPlan } from '../../render/plan.js';
import { makeStyle } from '../../render/style.js';
import { Screen } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { ScrollView, useScroll } from '../components/scroll.js';
import { Text } from '../components/text.js';

export function ReviewScreen({
  plan,
  error,
  fromError = [],
  color,
  onNext,
  onBack,
}: {
  plan: Plan | null;
  error: string | null;
  fromError?: string[];
  color: boolean;
  onNext: () => void;
  onBack: () => void;
}) {
  const height = fromError.length ? 14 : 15;
  const lines = plan ? renderPlan(plan, makeStyle(color)).trimEnd().split('\n') : [];
  const top = useScroll(lines.length, height);
  useNavKeys({ onBack });
  useInput((_input, key) => {
    if (key.return && plan) onNext();
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
      {fromError.length ? (
        <Text color="cyan" wrap="truncate">
          Added for the error you pasted: {fromError.join(', ')}
        </Text>
      ) : null}
      <ScrollView lines={lines} top={top} height={height} />
      <Text dimColor>
        {plan.changes.length} file(s), {plan.commands.length} command(s) · lines{' '}
        {Math.min(lines.length, top + 1)}–{Math.min(lines.length, top + height)} of {lines.length}
      </Text>
    </Screen>
  );
}
