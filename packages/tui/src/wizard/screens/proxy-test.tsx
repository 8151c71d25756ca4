// The proxy test, between the network form and the paste step: doctor --network's probes for the proxy just
// answered, then what the network rules found (a dead port, a 407, a host the proxy forbids, an inspecting CA).
import { markOf } from '@buildproxy/core';
import { Spinner } from '@inkjs/ui';
import { Box } from 'ink';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';
import type { ProxyTest } from '../state.js';

export function ProxyTestScreen({
  test,
  onNext,
  onBack,
}: {
  test: ProxyTest;
  onNext: () => void;
  /** back to the form; while the probes run, this skips the test (its late answer is dropped) */
  onBack: () => void;
}) {
  useNavKeys({ onBack });
  useKeys((_input, key) => {
    if (key.return && test.kind !== 'running') onNext();
  });
  if (test.kind === 'running')
    return (
      <Screen step="network" keys="esc/b skip the test, back to the form · ctrl-c quit">
        {/* each probe has its own timeout: this ends by itself */}
        <Spinner label="Testing the proxy (doctor --network's probes)…" />
      </Screen>
    );
  return (
    <Screen step="network" keys="enter continue · esc/b back to the form · q quit">
      <Text bold>The proxy test</Text>
      {test.kind === 'failed' ? (
        <Text color="yellow">The proxy could not be tested: {test.error}</Text>
      ) : test.findings.length === 0 ? (
        <Text color="green">✓ the proxy answered every probe: no network problem found</Text>
      ) : (
        test.findings.map((f, i) => (
          <Box key={`${f.rule}-${i}`} flexDirection="column">
            <Text>
              {markOf(f.severity).glyph} {f.rule}: {f.title}
            </Text>
            <Box marginLeft={4}>
              <Text dimColor>{f.message}</Text>
            </Box>
          </Box>
        ))
      )}
    </Screen>
  );
}
