import { ACTORS, markOf, type Plan, proxyShPath, type Report } from '@buildproxy/core';
import { shownCommand } from '../../render/plan.js';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { useNavKeys } from '../components/nav.js';
import { FittedLines, markTone, type ShownLine } from '../components/scroll.js';
import type { ActOutcome } from '../state.js';

export function VerifyScreen({
  before,
  after,
  outcome,
  plan,
  commandsRun,
  color = false,
  onNext,
}: {
  before: Report;
  after: Report | null;
  outcome: ActOutcome;
  plan: Plan;
  commandsRun: boolean;
  color?: boolean;
  onNext: () => void;
}) {
  useNavKeys({});
  useKeys((_i, key) => {
    if (key.return && after) onNext();
  });
  const beforeRules = new Set(before.findings.map((f) => f.rule));
  const fixed = after ? [...beforeRules].filter((r) => !after.findings.some((f) => f.rule === r)) : [];
  const lines: (string | ShownLine)[] = [...outcome.lines];
  if (outcome.lines.some((l) => l.startsWith('failed')))
    lines.push({
      text:
        'A command failed: the ones after it (marked "to run") were skipped, so the change is not in effect yet. ' +
        'Fix what the failed line says, then run them; they are printed again when you leave.',
      tone: 'warn',
    });
  if (after) {
    lines.push('', 'before → after');
    for (const a of ACTORS)
      lines.push({
        text: `  ${a.padEnd(8)} ${markOf(before.actors[a].verdict).glyph} → ${markOf(after.actors[a].verdict).glyph}`,
        tone: markTone(after.actors[a].verdict),
      });
    if (fixed.length) lines.push({ text: `Resolved: ${fixed.join(', ')}`, tone: 'ok' });
    if (after.findings.length)
      lines.push({
        text: `Still open: ${[...new Set(after.findings.map((f) => f.rule))].join(', ')}`,
        tone: 'warn',
      });
    if (outcome.choice === 'write' && plan.changes.some((c) => c.target === 'client-shell'))
      lines.push(`Your shell: open a new terminal, or run: . ${proxyShPath('~')}`);
    if (outcome.choice === 'write' && !commandsRun && plan.commands.length)
      lines.push(
        'Takes effect after:',
        ...plan.commands.map((c) => `  ${c.needsRoot ? 'sudo ' : ''}${shownCommand(c.argv)}`),
      );
  } else lines.push({ text: 'Running the doctor again…', tone: 'dim' });
  return (
    <Screen step="verify" keys="enter finish · q quit">
      <FittedLines lines={lines} otherLines={0} color={color} />
    </Screen>
  );
}
