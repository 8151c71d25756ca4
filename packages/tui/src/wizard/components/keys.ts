// Ink's useInput re-subscribes in a passive effect whenever its handler changes, which is every render: until
// React flushes that effect (late on a loaded machine) keys reach the previous render's handler, with its stale
// props (the review's Enter saw "no plan yet" and was dropped). Here the subscription keeps one stable function
// that calls the latest handler, assigned during render, so a key always meets the screen as it is drawn.
// While the help covers the screen its keys are off (ui-context.tsx); the app's own keys pass `always`.
import { useInput } from 'ink';
import { useRef } from 'react';
import { useUi } from './ui-context.js';

type Handler = Parameters<typeof useInput>[0];

export function useKeys(handler: Handler, options: { isActive?: boolean; always?: boolean } = {}): void {
  const { keysLive } = useUi();
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useRef<Handler>((input, key) => latest.current(input, key));
  useInput(stable.current, { isActive: (options.isActive ?? true) && (keysLive || !!options.always) });
}
