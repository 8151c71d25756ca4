// The wizard's output boundary for text: every string Ink prints goes through here, so a pasted error, a
// daemon's answer or a file's content cannot drive the terminal (OSC 52, ESC[2J, title changes, C1 controls),
// and a password in it (a daemon or a failed command echoing the proxy URL) is masked like everywhere else.
// Screens import Text from this file, never from ink (a test checks).
import { redactAll, safeForTerminal } from '@buildproxy/core';
import { Text as InkText } from 'ink';
import { Children, type ComponentProps, type ReactNode } from 'react';
import { OWN_SGR } from '../../render/style.js';

function safeChildren(children: ReactNode): ReactNode {
  return Children.map(children, (c) =>
    typeof c === 'string' ? safeForTerminal(redactAll(c), { keepSgr: OWN_SGR }) : c,
  );
}

export function Text(props: ComponentProps<typeof InkText>) {
  return <InkText {...props}>{safeChildren(props.children)}</InkText>;
}

const INVERSE = (s: string) => `\x1b[7m${s}\x1b[27m`;

/**
 * A text field's line with its cursor. The field masks its own secret (one mask character per password character,
 * with a reveal key), so here the value is only made safe for the terminal, not redacted again: redaction would
 * turn the mask's "••••" into "***" and undo the reveal the user asked for. The cursor is inverse video, written
 * as the escape itself, so it also shows under NO_COLOR (chalk drops every style there; inverse is no colour).
 */
export function FieldLine({ text, cursor }: { text: string; cursor: number | null }) {
  const safe = (s: string) => safeForTerminal(s, { keepSgr: new Set() });
  const cs = Array.from(text);
  if (cursor === null) return <InkText>{safe(text)}</InkText>;
  const at = Math.max(0, Math.min(cursor, cs.length));
  const under = safe(cs[at] ?? ' ') || ' ';
  return (
    <InkText>
      {safe(cs.slice(0, at).join(''))}
      {INVERSE(under)}
      {safe(cs.slice(at + 1).join(''))}
    </InkText>
  );
}

/** A field's placeholder: dim, after the cursor when the field has focus, so it never reads as a typed value. */
export function FieldPlaceholder({ text, focus }: { text: string; focus: boolean }) {
  return (
    <InkText>
      {focus ? INVERSE(' ') : ''}
      <InkText dimColor>{safeForTerminal(text)}</InkText>
    </InkText>
  );
}
