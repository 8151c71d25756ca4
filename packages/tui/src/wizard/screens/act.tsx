import type { Plan } from '@buildproxy/core';
import { ConfirmInput } from '@inkjs/ui';
import { Box } from 'ink';
import { shownCommand } from '../../render/plan.js';
import { Screen } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { type Choice, Select } from '../components/select.js';
import { Text } from '../components/text.js';
import type { ActChoice, ActPhase } from '../state.js';

export function ActScreen({
  plan,
  phase,
  canWriteHere,
  planFile,
  outDir,
  onChoose,
  onConfirm,
  onBack,
}: {
  plan: Plan;
  phase: ActPhase;
  canWriteHere: boolean;
  planFile: string;
  outDir: string;
  onChoose: (c: ActChoice) => void;
  onConfirm: (run: boolean) => void;
  onBack: () => void;
}) {
  useNavKeys({ onBack: phase.kind === 'choose' ? onBack : undefined, active: phase.kind !== 'working' });
  if (phase.kind === 'working') {
    return (
      <Screen step="act" keys="…">
        <Text>Working…</Text>
      </Screen>
    );
  }
  if (phase.kind === 'confirm') {
    const disruptive = plan.commands.filter((c) => c.disruptive);
    return (
      <Screen step="act" keys="y run them now · n or enter: later (they are printed on exit)">
        {phase.outcome.lines.map((l) => (
          <Text key={l}>{l}</Text>
        ))}
        <Text> </Text>
        <Text bold>Run these commands now?</Text>
        {plan.commands.map((c) => (
          <Text key={c.argv.join(' ')}>
            {'  '}
            {c.needsRoot ? 'sudo ' : ''}
            {shownCommand(c.argv)} <Text dimColor>— {c.why}</Text>
          </Text>
        ))}
        {disruptive.length ? (
          <Text color="yellow">Consequence: {disruptive.map((c) => c.why).join('; ')}</Text>
        ) : null}
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
  const items: Choice<ActChoice>[] = [
    {
      value: 'write',
      label: `Write the ${plan.changes.length} file(s) now (backups are made)`,
      disabled: canWriteHere || !needsRoot ? undefined : 'needs root: save the plan instead',
    },
    { value: 'save', label: `Save ${planFile} for: sudo buildproxy apply ${planFile}` },
    { value: 'folder', label: `Write the files into ${outDir}/ to copy by hand` },
    { value: 'print', label: 'Print the snippets plainly for copying' },
  ];
  return (
    <Screen step="act" keys="↑↓/jk move · enter choose · esc/b back · q quit">
      <Select items={items} onSelect={onChoose} />
    </Screen>
  );
}
