import { DOCS_BASE, type Plan, type Report } from '@buildproxy/core';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { Text } from '../components/text.js';
import type { ActOutcome } from '../state.js';

export function DoneScreen({
  outcome,
  after,
  plan,
  onExit,
}: {
  outcome: ActOutcome;
  /** the doctor after acting: its open rules are the ones worth reading about */
  after: Report | null;
  plan: Plan;
  onExit: () => void;
}) {
  useKeys((input, key) => {
    if (key.return || input === 'q') onExit();
  });
  const open = [...new Set((after?.findings ?? []).filter((f) => f.severity !== 'info').map((f) => f.rule))];
  const written = outcome.written ?? [];
  return (
    <Screen step="done" keys="enter or q exit: the next steps stay printed below">
      {outcome.choice === 'write' ? (
        written.length ? (
          <Text>Files written ({written.length}):</Text>
        ) : (
          <Text>No file was written.</Text>
        )
      ) : (
        <Text>Nothing was written on this machine.</Text>
      )}
      {written.map((p) => (
        <Text key={p}> {p}</Text>
      ))}
      {outcome.backups.length ? <Text>Backups:</Text> : null}
      {outcome.backups.map((b) => (
        <Text key={b}> {b}</Text>
      ))}
      {open.length ? <Text>Still open, read more:</Text> : <Text>Nothing left open for this plan.</Text>}
      {open.slice(0, 8).map((r) => (
        <Text key={r}>
          {'  '}
          {DOCS_BASE}/rules/{r}/
        </Text>
      ))}
      <Text dimColor>
        {plan.commands.length || outcome.choice === 'print'
          ? 'On exit, the commands to run next are printed, ready to copy.'
          : 'Check again any time with: buildproxy doctor'}
      </Text>
    </Screen>
  );
}
