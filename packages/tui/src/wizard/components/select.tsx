// Single and multiple choice lists: arrows or j/k move, enter picks (space toggles in a multi-select).

import { Box } from 'ink';
import { useState } from 'react';
import { useKeys } from './keys.js';
import { Text } from './text.js';

export interface Choice<T extends string> {
  value: T;
  label: string;
  disabled?: string;
}

export function Select<T extends string>({
  items,
  onSelect,
  focus = true,
  limit = 12,
}: {
  items: Choice<T>[];
  onSelect: (v: T) => void;
  focus?: boolean;
  limit?: number;
}) {
  const [i, setI] = useState(0);
  useKeys(
    (input, key) => {
      if (key.downArrow || input === 'j') setI((x) => Math.min(items.length - 1, x + 1));
      else if (key.upArrow || input === 'k') setI((x) => Math.max(0, x - 1));
      else if (key.return && items[i] && !items[i].disabled) onSelect(items[i].value);
    },
    { isActive: focus },
  );
  // A window of `limit` rows that follows the cursor, so long lists fit 80×24.
  const start = Math.max(0, Math.min(i - Math.floor(limit / 2), items.length - limit));
  return (
    <Box flexDirection="column">
      {items.slice(start, start + limit).map((it, k) => {
        const j = start + k;
        return (
          <Text key={it.value} color={j === i ? 'cyan' : undefined} dimColor={!!it.disabled}>
            {j === i ? '❯ ' : '  '}
            {it.label}
            {it.disabled ? ` — ${it.disabled}` : ''}
          </Text>
        );
      })}
    </Box>
  );
}

export function MultiSelect({
  items,
  selected,
  onChange,
  focus,
  onSubmit,
}: {
  items: Choice<string>[];
  selected: string[];
  onChange: (v: string[]) => void;
  focus: boolean;
  onSubmit?: () => void;
}) {
  const [i, setI] = useState(0);
  useKeys(
    (input, key) => {
      if (input === 'j' || (key.downArrow && i < items.length - 1))
        setI((x) => Math.min(items.length - 1, x + 1));
      else if (input === 'k' || (key.upArrow && i > 0)) setI((x) => Math.max(0, x - 1));
      else if (input === ' ' && items[i]) {
        const v = items[i].value;
        onChange(selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v]);
      } else if (key.return) onSubmit?.();
    },
    { isActive: focus },
  );
  return (
    <Box flexDirection="column">
      {items.map((it, j) => (
        <Text key={it.value} color={focus && j === i ? 'cyan' : undefined}>
          {focus && j === i ? '❯ ' : '  '}
          {selected.includes(it.value) ? '◉' : '◯'} {it.label}
        </Text>
      ))}
    </Box>
  );
}
