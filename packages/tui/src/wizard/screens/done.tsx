import { DOCS_BASE, type Plan, type Report } from '@buildproxy/core';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { FittedLines, type ShownLine } from '../components/scroll.js';
import { doctorCommand } from '../final.js';
import type { ActOutcome } from '../state.js';

export function DoneScreen({
  outcome,
  after,
  plan,
  color = false,
  root,
  onExit,
}: {
  outcome: ActOutcome;
  /** the doctor after acting: its open rules are the ones worth reading about */
  after: Report | null;
  plan: Plan;
  color?: boolean;
  /** --root DIR: the doctor to run again reads the same tree */
  root?: string;
  onExit: () => void;
}) {
  useKeys((input, key) => {
    if (key.return || input === 'q') onExit();
  });
  const open = [...new Set((after?.findings ?? []).filter((f) => f.severity !== 'info').map((f) => f.rule))];
  const written = outcome.written ?? [];
  const lines: (string | ShownLine)[] = [
    outcome.choice === 'write'
      ? written.length
        ? `Files written (${written.length}):`
        : 'No file was written.'
      : 'Nothing was written on this machine.',
    ...written.map((p) => `  ${p}`),
    ...(outcome.backups.length ? ['Backups:', ...outcome.backups.map((b) => `  ${b}`)] : []),
    open.length ? 'Still open, read more:' : 'Nothing left open for this plan.',
    ...open.slice(0, 8).map((r) => `  ${DOCS_BASE}/rules/${r}/`),
    {
      text:
        plan.commands.length || outcome.choice === 'print'
          ? 'On exit, the commands to run next are printed, ready to copy.'
          : `Check again any time with: ${doctorCommand(root)}`,
      tone: 'dim',
    },
  ];
  return (
    <Screen step="done" keys="enter or q exit: the next steps stay printed below">
      <FittedLines lines={lines} otherLines={0} color={color} />
    </Screen>
  );
}
