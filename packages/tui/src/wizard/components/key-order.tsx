// Keys typed right after a screen change must reach the new screen. Ink hands each key to the handlers subscribed
// at that moment; React 19 (react-reconciler 0.33 has no legacy root) renders an update from a key later, in a
// scheduler task, and every useInput (ours, ink-select-input's, @inkjs/ui's) subscribes in a passive effect after
// that. A key in between met the old screen's handlers: "keys typed within ~150 ms of a screen change are lost",
// and a second key in one burst saw the first one's state not yet applied.
// KeyOrder delivers one key at a time: after a key, the next waits until React has committed what that key did and
// run the effects that subscribe the new handlers (this component's effect runs after its siblings' effects, so it
// must stay the last child). It wraps `internal_eventEmitter`, which Ink 6 exposes through useStdin; the wizard's
// key tests fail if that goes.
import { useStdin } from 'ink';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';

/**
 * Keys a loaded machine read together ("\t\r", "k\r": Ink splits a chunk only at escape sequences) come apart
 * again, so tab-then-enter is a tab and an enter, not one unknown key. A longer chunk is a paste and stays whole
 * (the paste step keeps its line breaks); so does anything holding an escape (Ink has parsed those already).
 */
export function keysOf(chunk: unknown): unknown[] {
  if (typeof chunk !== 'string' || chunk.includes('\x1b')) return [chunk];
  const cs = Array.from(chunk);
  if (cs.length < 2 || cs.length > 4 || !cs.some((c) => c < ' ' || c === '\x7f')) return [chunk];
  return cs;
}

export function KeyOrder() {
  const { internal_eventEmitter: emitter } = useStdin();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const gate = useRef<{ open: boolean; queue: unknown[][]; deliver: (args: unknown[]) => void } | null>(null);
  useLayoutEffect(() => {
    if (!emitter) return;
    const emit = emitter.emit;
    const g = {
      open: true,
      queue: [] as unknown[][],
      deliver(args: unknown[]) {
        g.open = false;
        emit.call(emitter, 'input', ...args);
        bump(); // a commit follows even when the key changed nothing
      },
    };
    gate.current = g;
    emitter.emit = function ordered(this: typeof emitter, event: string | symbol, ...args: unknown[]) {
      if (event !== 'input') return emit.call(this, event, ...args);
      for (const key of keysOf(args[0])) {
        if (g.open) {
          // Not at once: a screen drawn by something other than a key (detection ending, a probe answering) is on
          // the terminal before its passive effects subscribe its handlers. The scheduler runs those effects in a
          // task queued before this key arrived, so the key goes after it.
          g.open = false;
          const k = [key, ...args.slice(1)];
          setImmediate(() => g.deliver(k));
        } else g.queue.push([key, ...args.slice(1)]);
      }
      return true;
    };
    return () => {
      emitter.emit = emit;
      gate.current = null;
    };
  }, [emitter]);
  // Every commit closes the gate, not only a key's: when detection ends or a probe answers, the new screen is
  // written to the terminal during the commit, but its handlers subscribe only in the passive effects after it. A
  // key typed at the sight of that screen waits here for them (on a loaded CI machine it was lost: the tmux test
  // saw its "k" vanish and Enter open the first finding instead of Continue).
  useLayoutEffect(() => {
    if (gate.current) gate.current.open = false;
  });
  // After every commit: the last key's work is on screen and its handlers subscribed; the next key may go.
  useEffect(() => {
    const g = gate.current;
    if (!g) return;
    const next = g.queue.shift();
    if (next) g.deliver(next);
    else g.open = true;
  });
  return null;
}
