// The proxy test, between the network form and the paste step: doctor --network's probes for the proxy just
// answered, then what the network rules found (a dead port, a 407, a host the proxy forbids, an inspecting CA).
import { markOf } from '@buildproxy/core';
import { Spinner } from '@inkjs/ui';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { useNavKeys } from '../components/nav.js';
import { FittedLines, markTone, type ShownLine } from '../components/scroll.js';
import { Text } from '../components/text.js';
import type { ProxyTest } from '../state.js';

type Finished = Exclude<ProxyTest, { kind: 'running' }>;

/** The results as lines: each finding's title, its message indented under it (wrapped under that indent). */
export function proxyTestLines(test: Finished): ShownLine[] {
  if (test.kind === 'failed') return [{ text: `The proxy could not be tested: ${test.error}`, tone: 'warn' }];
  if (test.findings.length === 0)
    return [{ text: '✓ the proxy answered every probe: no network problem found', tone: 'ok' }];
  return test.findings.flatMap((f): ShownLine[] => [
    { text: `${markOf(f.severity).glyph} ${f.rule}: ${f.title}`, tone: markTone(f.severity) },
    { text: `    ${f.message}`, tone: 'dim' },
  ]);
}

export function ProxyTestScreen({
  test,
  color = false,
  onNext,
  onBack,
}: {
  test: ProxyTest;
  color?: boolean;
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
  // In a window that fits the terminal: many findings (a proxy that refuses every registry) never push the frame
  // past its height, which would scroll the title off and make Ink clear the screen and the scrollback.
  return (
    <Screen step="network" keys="enter continue · esc/b back to the form · q quit">
      <Text bold>The proxy test</Text>
      <FittedLines lines={proxyTestLines(test)} otherLines={1} color={color} />
    </Screen>
  );
}
