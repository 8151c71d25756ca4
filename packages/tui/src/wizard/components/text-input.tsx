// A one-line text field: typing, backspace, paste; the password of a proxy URL is shown masked.
import { useKeys } from './keys.js';

import { maskTyping } from './mask.js';
import { Text } from './text.js';

export interface TextInputProps {
  value: string;
  onChange: (v: string) => void;
  onSubmit?: () => void;
  focus: boolean;
  placeholder?: string;
  maskPassword?: boolean;
}

export function TextInput({ value, onChange, onSubmit, focus, placeholder, maskPassword }: TextInputProps) {
  useKeys(
    (input, key) => {
      if (key.return) return onSubmit?.();
      if (key.backspace || key.delete) return onChange(value.slice(0, -1));
      if (key.ctrl && input === 'u') return onChange('');
      if (
        key.escape ||
        key.upArrow ||
        key.downArrow ||
        key.tab ||
        key.leftArrow ||
        key.rightArrow ||
        key.ctrl ||
        key.meta
      )
        return;
      // Control characters never enter a field: keys that arrive together (a fast typist, a paste of "\t\t")
      // come as one chunk that Ink does not parse as keys.
      const text = input.replace(/[\x00-\x1f\x7f]+/g, '');
      if (text) onChange(value + text);
    },
    { isActive: focus },
  );
  const shown = maskPassword ? maskTyping(value) : value;
  if (!value && placeholder)
    return (
      <Text dimColor>
        {focus ? '▌' : ''}
        {placeholder}
      </Text>
    );
  return (
    <Text>
      {shown}
      {focus ? <Text inverse> </Text> : null}
    </Text>
  );
}
