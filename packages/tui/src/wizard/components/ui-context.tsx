// What the app shares with every screen besides the state it renders: whether the screen's keys are live (not while
// help covers it), what each screen remembers across going back (the focused field, the highlighted item: issue 18,
// "Esc from step 4 loses the focused field"), and whether a text field with text has focus (then "?" is typed, not
// help).
import { createContext, useContext, useLayoutEffect, useState } from 'react';

export interface Ui {
  /** false while the help covers the screen: its keys are off */
  keysLive: boolean;
  /** per screen, what it keeps when it is left and come back to: "network.field" → "noProxy" */
  memory: Readonly<Record<string, string | number>>;
  remember: (key: string, value: string | number) => void;
  /** how many text fields with text have focus now (0 or 1): "?" opens help only when none has */
  typing: { count: number };
}

/** Null outside the app (a screen rendered alone in a test): keys live, memory local to the screen. */
export const UiContext = createContext<Ui | null>(null);

const ALONE: Ui = { keysLive: true, memory: {}, remember: () => {}, typing: { count: 0 } };

export function useUi(): Ui {
  return useContext(UiContext) ?? ALONE;
}

/** A value the screen keeps in the wizard's state, so going back to it finds it as it was left. */
export function useRemembered<T extends string | number>(key: string, initial: T): [T, (v: T) => void] {
  const ui = useContext(UiContext);
  const [local, setLocal] = useState<T>(initial);
  if (!ui) return [local, setLocal];
  return [(ui.memory[key] as T | undefined) ?? initial, (v: T) => ui.remember(key, v)];
}

/** Marks a focused text field holding text: "?" belongs to it then. Counted during commit, before the next key. */
export function useTyping(active: boolean): void {
  const { typing } = useUi();
  useLayoutEffect(() => {
    if (!active) return;
    typing.count++;
    return () => {
      typing.count--;
    };
  }, [active, typing]);
}

/** "?" opens help unless a text field with text has focus; in an empty field it is never typed. */
export const HELP_KEY = '?';
