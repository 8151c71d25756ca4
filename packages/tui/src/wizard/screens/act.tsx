import type { Plan } from '@buildproxy/core';
import { ConfirmInput } from '@inkjs/ui';
import { Box } from 'ink';
import { shownCommand } from '../../render/plan.js';
import { Screen, useTerminalSize } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { type Choice, Select } from '../components/select.js';
import { Text } from '../components/text.js';
import { wrapRows } from '../components/wrap.js';
import { Wrapped } from '../components/wrapped.js';
import { applyCommand } from '../final.js';
import type { ActChoice, ActPhase } from '../state.js';

export function ActScreen({
  plan,
  phase,
  canWriteHere,
  planFile,
  root,
  outDir,
  onChoose,
  onConfirm,
  onBack,
}: {
  plan: Plan;
  phase: ActPhase;
  canWriteHere: boolean;
  planFile: string;
  /** --root: the apply command in the Save label names it, as the command printed after saving does */
  root?: string;
  outDir: string;
  onChoose: (c: ActChoice) => void;
  onConfirm: (run: boolean) => void;
  onBack: () => void;
}) {
  const { columns } = useTerminalSize();
  useNavKeys({ onBack: phase.kind === 'choose' ? onBack : undefined, active: phase.kind !== 'working' });
  if (phase.kind === 'working') {
    return (
      <Screen step="act" keys="…">
        <Text>Working…</Text>
      </Screen>
    );
  }
  if (phase.kind === 'confirm') {
    const { outcome } = phase;
    const written = outcome.written?.length ?? 0;
    return (
      <Screen step="act" keys="y run them now · n or enter: later (they are printed on exit)">
        {/* the files themselves are listed on the next screen: this one must fit a 60×20 terminal */}
        <Wrapped>
          {`Wrote ${written} file(s)${outcome.backups.length ? `, ${outcome.backups.length} backup(s)` : ''}: listed on the next screen.`}
        </Wrapped>
        <Text> </Text>
        <Text bold>Run these commands now?</Text>
        {plan.commands.map((c) => (
          <Box key={c.argv.join(' ')} flexDirection="column">
            <Wrapped indent={4}>{`  ${c.needsRoot ? 'sudo ' : ''}${shownCommand(c.argv)}`}</Wrapped>
            {/* each command's why once; a disruptive one's why is its consequence */}
            {c.disruptive ? (
              <Wrapped indent={6} color="yellow">{`    Consequence: ${c.why}`}</Wrapped>
            ) : (
              <Wrapped indent={4} dimColor>{`    ${c.why}`}</Wrapped>
            )}
          </Box>
        ))}
        <Box>
          <Text>Run them now? </Text>
          {/* @inkjs/ui's ConfirmInput: y runs them, n or enter leaves them for later */}
          <ConfirmInput
            defaultChoice="cancel"
            onConfirm={() => onConfirm(true)}
            onCancel={() => onConfirm(false)}
          />
        </Box>
      </Screen>
    );
  }
  const needsRoot = plan.changes.some((c) => c.needsRoot);
  const cannotWrite = canWriteHere || !needsRoot ? null : 'needs root: save the plan instead';
  // Labels wrapped here (two columns go to the "❯ " marker), so a path moves to a row of its own, whole.
  const label = (text: string) => wrapRows(text, columns - 2, 2).join('\n');
  const items: Choice<ActChoice>[] = [
    {
      value: 'write',
      label: label(
        `Write the ${plan.changes.length} file(s) now (backups are made)${cannotWrite ? ` — ${cannotWrite}` : ''}`,
      ),
    },
    { value: 'save', label: label(`Save the plan for: ${applyCommand(planFile, root)}`) },
    { value: 'folder', label: label(`Write the files into ${outDir}/ to copy by hand`) },
    { value: 'print', label: 'Print the snippets plainly for copying' },
  ];
  return (
    <Screen step="act" keys="↑↓/jk move · enter choose · esc/b back · q quit">
      <Select
        items={items}
        onSelect={(c) => (c === 'write' && cannotWrite ? undefined : onChoose(c))}
        remember="act.item"
      />
    </Screen>
  );
}
