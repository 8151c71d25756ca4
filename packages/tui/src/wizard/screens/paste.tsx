import { readError, type State } from '@buildproxy/core';
import { Box, useInput } from 'ink';
import { Screen } from '../components/chrome.js';
import { maskTyping } from '../components/mask.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';

export function PasteScreen({
  text,
  machine = null,
  onChange,
  onNext,
  onBack,
}: {
  text: string;
  /** the detected machine: the reading names its builder and daemon */
  machine?: State | null;
  onChange: (t: string) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  useNavKeys({ onBack, textFocused: true });
  useInput((input, key) => {
    // A paste arrives as one chunk (newlines included); a lone enter continues.
    if (key.return && input.length <= 1) return onNext();
    if (key.backspace || key.delete) return onChange(text.slice(0, -1));
    if (key.ctrl && input === 'u') return onChange('');
    if (key.escape || key.ctrl || key.meta || key.upArrow || key.downArrow) return;
    if (input) onChange(text + input.replace(/\r\n?/g, '\n'));
  });
  const r = text ? readError(text, machine) : null;
  const lines = text.split('\n').map(maskTyping).filter(Boolean);
  return (
    <Screen step="paste" keys="paste · enter continue or skip · ctrl-u clear · esc back">
      <Text>Paste the error from your build, or press enter to skip.</Text>
      <Box flexDirection="column" borderStyle="round" paddingX={1} height={6}>
        {lines.slice(-4).map((l, i) => (
          <Text key={`${i}-${l}`} wrap="truncate" dimColor>
            {l}
          </Text>
        ))}
        {lines.length === 0 ? <Text dimColor>…</Text> : null}
      </Box>
      {r?.recognised ? (
        <Box flexDirection="column">
          <Text>
            <Text bold>{r.requester ?? 'unknown requester'}</Text>: {r.title}
            {r.proxyProblem ? '' : ' — no proxy setting fixes this'}
          </Text>
          <Text>{r.explanation}</Text>
          {r.rules.length ? <Text dimColor>({r.rules.join(', ')})</Text> : null}
        </Box>
      ) : null}
      {r && !r.recognised ? <Text dimColor>No known build-network failure in this text.</Text> : null}
    </Screen>
  );
}
