// Keys every screen shares: esc or b goes back (answers kept), q leaves ("Cancelled — nothing written"). In a text
// field only esc works, since b and q are letters there. Ctrl-C is the app's own (app.tsx), on every screen.

import { createContext, useContext } from 'react';
import { useKeys } from './keys.js';

/** What q does: the app ends the wizard as cancelled. */
export const CancelContext = createContext<() => void>(() => {});

export function useNavKeys({
  onBack,
  textFocused = false,
  active = true,
}: {
  onBack?: () => void;
  textFocused?: boolean;
  active?: boolean;
}) {
  const cancel = useContext(CancelContext);
  useKeys(
    (input, key) => {
      if (key.escape || (!textFocused && input === 'b')) onBack?.();
      else if (!textFocused && input === 'q') cancel();
    },
    { isActive: active },
  );
}
