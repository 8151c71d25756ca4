// Single choices: ink-select-input (the design's component) with arrows or j/k and enter. Each item's text goes
// through the wizard's safe Text; the focus shows as "❯" as well as colour, so it stays visible under NO_COLOR.
import SelectInput from 'ink-select-input';
import { Text } from './text.js';
import { useRemembered, useUi } from './ui-context.js';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** why it cannot be chosen here; shown after the label, and enter does nothing on it */
  disabled?: string;
}

function Item({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
  return <Text color={isSelected ? 'cyan' : undefined}>{label}</Text>;
}

function Indicator({ isSelected = false }: { isSelected?: boolean }) {
  return <Text color={isSelected ? 'cyan' : undefined}>{isSelected ? '❯ ' : '  '}</Text>;
}

export function Select<T extends string>({
  items,
  onSelect,
  focus = true,
  limit,
  remember,
}: {
  items: Choice<T>[];
  onSelect: (v: T) => void;
  focus?: boolean;
  limit?: number;
  /** a name under which the highlighted item is kept, so coming back to this list finds it highlighted */
  remember?: string;
}) {
  const { keysLive } = useUi();
  const [highlighted, setHighlighted] = useRemembered<string>(remember ?? '', '');
  const initial = remember
    ? Math.max(
        0,
        items.findIndex((it) => it.value === highlighted),
      )
    : 0;
  return (
    <SelectInput<T>
      items={items.map((it) => ({
        key: it.value,
        value: it.value,
        label: it.disabled ? `${it.label} — ${it.disabled}` : it.label,
      }))}
      isFocused={focus && keysLive}
      initialIndex={initial}
      limit={limit}
      onHighlight={(item) => {
        if (remember) setHighlighted(item.value);
      }}
      indicatorComponent={Indicator}
      itemComponent={Item}
      onSelect={(item) => {
        if (!items.find((it) => it.value === item.value)?.disabled) onSelect(item.value);
      }}
    />
  );
}
