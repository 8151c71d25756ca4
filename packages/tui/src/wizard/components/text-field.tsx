// A one-line text field over the wizard's reducer: the value is the reducer's (answers, flags, profiles and the
// machine's suggestion fill it), the cursor is the field's own.
//
// Why not @inkjs/ui's TextInput and PasswordInput (the design names them; 2.0.0 is the newest): TextInput holds its
// value itself (only a defaultValue goes in), so the reducer could not fill or clear it; it moves only by ←/→, with
// no Home/End or ctrl-a/e/u/k/w, and inserts ctrl-letters as text; its cursor is chalk's inverse, which NO_COLOR
// turns off, so the cursor vanishes. PasswordInput masks the whole value, while here only the password inside a
// proxy URL is secret, and it has no reveal key. Their hooks are not exported, so this field composes the same
// pieces: the line editing (line-edit.ts), the per-character mask (mask.ts) and the cursor (text.tsx).
import { useState } from 'react';
import { useKeys } from './keys.js';
import { editLine } from './line-edit.js';
import { maskPasswordChars, passwordSpan } from './mask.js';
import { FieldLine, FieldPlaceholder } from './text.js';
import { HELP_KEY, useTyping } from './ui-context.js';

export interface TextFieldProps {
  value: string;
  onChange: (v: string) => void;
  onSubmit?: () => void;
  focus: boolean;
  placeholder?: string;
  /** a proxy URL: its password shows as one • per character; ctrl-r shows it while the field has focus */
  secret?: boolean;
}

/** The reveal key, named in the screen's key help while the focused field holds a password. */
export const REVEAL_KEY = 'ctrl-r';

export function hasPassword(value: string): boolean {
  return passwordSpan(value) !== null;
}

export function TextField({ value, onChange, onSubmit, focus, placeholder, secret = false }: TextFieldProps) {
  const length = Array.from(value).length;
  const [cursor, setCursor] = useState(length);
  const [reveal, setReveal] = useState(false);
  const [hadFocus, setHadFocus] = useState(focus);
  // Focus arriving puts the cursor at the end; focus leaving hides the password again.
  if (hadFocus !== focus) {
    setHadFocus(focus);
    setCursor(length);
    setReveal(false);
  }
  const at = Math.min(cursor, length);
  // "?" in an empty field is the app's help key; once the field holds text it is typed like any character
  useTyping(focus && value !== '');
  useKeys(
    (input, key) => {
      if (input === HELP_KEY && !value) return;
      if (secret && key.ctrl && input === 'r') return setReveal((r) => !r);
      if (key.return) return onSubmit?.();
      const next = editLine({ value, cursor: at }, input, key);
      if (!next) return;
      setCursor(next.cursor);
      if (next.value !== value) onChange(next.value);
    },
    { isActive: focus },
  );
  if (!value && placeholder) return <FieldPlaceholder text={placeholder} focus={focus} />;
  return <FieldLine text={secret && !reveal ? maskPasswordChars(value) : value} cursor={focus ? at : null} />;
}
