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
import { maskTextField, maskUrlField, passwordSpan } from './mask.js';
import { FieldLine, FieldPlaceholder } from './text.js';
import { HELP_KEY, useTyping } from './ui-context.js';

export interface TextFieldProps {
  value: string;
  onChange: (v: string) => void;
  onSubmit?: () => void;
  focus: boolean;
  placeholder?: string;
  /**
   * What secrets look like: a proxy URL's password, or any secret in free text (a build command), one • per
   * character; ctrl-r shows them while the field has focus.
   */
  secret?: 'url' | 'text';
  /** a pasted line break becomes a space (a build command pasted over several lines is one command line) */
  joinLines?: boolean;
}

/** The reveal key, named in the screen's key help while the focused field holds a password. */
export const REVEAL_KEY = 'ctrl-r';

export function hasPassword(value: string, secret: 'url' | 'text' = 'url'): boolean {
  return secret === 'url' ? passwordSpan(value) !== null : maskTextField(value) !== value;
}

export function TextField({
  value,
  onChange,
  onSubmit,
  focus,
  placeholder,
  secret,
  joinLines = false,
}: TextFieldProps) {
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
      if (key.return && input.length <= 1) return onSubmit?.();
      const text = joinLines ? input.replace(/\s*\\?\r?\n\s*|\s*\\?\r\s*/g, ' ') : input;
      const next = editLine({ value, cursor: at }, text, joinLines ? { ...key, return: false } : key);
      if (!next) return;
      setCursor(next.cursor);
      if (next.value !== value) onChange(next.value);
    },
    { isActive: focus },
  );
  if (!value && placeholder) return <FieldPlaceholder text={placeholder} focus={focus} />;
  const shown = !secret || reveal ? value : secret === 'url' ? maskUrlField(value) : maskTextField(value);
  return <FieldLine text={shown} cursor={focus ? at : null} />;
}
