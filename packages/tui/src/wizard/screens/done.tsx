import { DOCS_BASE, type Plan, type Report } from '@buildproxy/core';
import { useApp, useInput } from 'ink';
import { Screen } from '../components/chrome.js';
import { Text } from '../components/text.js';
import type { ActOutcome } from '../state.js';

export function DoneScreen({ outcome, before, plan }: { outcome: ActOutcome; before: Report; plan: Plan }) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.return || input === 'q') exit();
  });
  const rules = [
    ...new Set([...before.findings.map((f) => f.rule), ...plan.changes.flatMap((c) => c.rules)]),
  ];
  return (
    <Screen step="done" keys="enter or q exit">
      {outcome.backups.length ? (
        <Text>Backups:</Text>
      ) : (
        <Text>No file was replaced, so no backups were needed.</Text>
      )}
      {outcome.backups.map((b) => (
        <Text key={b}> {b}</Text>
      ))}
      {rules.length ? <Text>Read more:</Text> : null}
      {rules.slice(0, 10).map((r) => (
        <Text key={r}>
          {'  '}
          {DOCS_BASE}/rules/{r}/
        </Text>
      ))}
      <Text dimColor>Check again any time with: buildproxy doctor</Text>
    </Screen>
  );
}
