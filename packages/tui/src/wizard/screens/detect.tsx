import { safeForTerminal } from '@buildproxy/core';
import { Spinner } from '@inkjs/ui';
import { Box } from 'ink';
import { Screen, useViewportHeight } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';
import type { ProbeLine } from '../state.js';

export function DetectScreen({ probes }: { probes: ProbeLine[] }) {
  useNavKeys({});
  const room = useViewportHeight(0);
  const running = probes.filter((p) => p.status === 'running');
  const done = probes.filter((p) => p.status !== 'running');
  return (
    <Screen step="detect" keys="q quit · probing docker, buildx, systemd and config files in parallel">
      <Box flexDirection="column">
        {done.slice(-Math.max(1, room - Math.min(running.length, 6))).map((p) => (
          <Text key={p.label}>
            {p.status === 'ok' ? (
              <Text color="green">✓</Text>
            ) : p.status === 'timeout' ? (
              <Text color="yellow">⏱</Text>
            ) : (
              <Text dimColor>·</Text>
            )}{' '}
            {p.label}{' '}
            <Text dimColor>
              {p.status === 'ok' ? `${p.ms ?? 0} ms` : p.status === 'timeout' ? 'timed out' : 'not available'}
            </Text>
          </Text>
        ))}
        {running.slice(0, Math.min(6, room - 1)).map((p) => (
          // @inkjs/ui's Spinner; the label is a probe's argv, made safe like every other printed text
          <Spinner key={p.label} label={safeForTerminal(p.label)} />
        ))}
        {probes.length === 0 ? <Spinner label="starting…" /> : null}
      </Box>
    </Screen>
  );
}
