// Keys every screen shares: esc or b goes back (answers kept), q leaves. In a text field only esc works,
// since b and q are letters there.
import { useApp, useInput } from 'ink';

export function useNavKeys({
  onBack,
  textFocused = false,
  active = true,
}: {
  onBack?: () => void;
  textFocused?: boolean;
  active?: boolean;
}) {
  const { exit } = useApp();
  useInput(
    (input, key) => {
      if (key.escape || (!textFocused && input === 'b')) onBack?.();
      else if (!textFocused && input === 'q') exit();
    },
    { isActive: active },
  );
}
