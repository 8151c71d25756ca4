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
