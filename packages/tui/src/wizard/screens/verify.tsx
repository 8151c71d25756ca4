import { ACTORS, type Plan, proxyShPath, type Report } from '@buildproxy/core';
import { Box } from 'ink';
import { shownCommand } from '../../render/plan.js';
import { Mark, Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';
import type { ActOutcome } from '../state.js';

export function VerifyScreen({
  before,
  after,
  outcome,
  plan,
  commandsRun,
  onNext,
}: {
  before: Report;
  after: Report | null;
  outcome: ActOutcome;
  plan: Plan;
  commandsRun: boolean;
  onNext: () => void;
}) {
  useNavKeys({});
  useKeys((_i, key) => {
    if (key.return && after) onNext();
  });
  const beforeRules = new Set(before.findings.map((f) => f.rule));
  const fixed = after ? [...beforeRules].filter((r) => !after.findings.some((f) => f.rule === r)) : [];
  return (
    <Screen step="verify" keys="enter finish · q quit">
      {outcome.lines.map((l) => (
        <Text key={l}>{l}</Text>
      ))}
      {outcome.lines.some((l) => l.startsWith('failed')) ? (
        <Text color="yellow">
          A command failed: the ones after it (marked "to run") were skipped, so the change is not in effect
          yet. Fix what the failed line says, then run them; they are printed again when you leave.
        </Text>
      ) : null}
      {after ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>before → after</Text>
          {ACTORS.map((a) => (
            <Text key={a}>
              {'  '}
              {a.padEnd(8)} <Mark verdict={before.actors[a].verdict} /> →{' '}
              <Mark verdict={after.actors[a].verdict} />
            </Text>
          ))}
          {fixed.length ? <Text color="green">Resolved: {fixed.join(', ')}</Text> : null}
          {after.findings.length ? (
            <Text color="yellow">
              Still open: {[...new Set(after.findings.map((f) => f.rule))].join(', ')}
            </Text>
          ) : null}
          {outcome.choice === 'write' && plan.changes.some((c) => c.target === 'client-shell') ? (
            <Text>Your shell: open a new terminal, or run: . {proxyShPath('~')}</Text>
          ) : null}
          {outcome.choice === 'write' && !commandsRun && plan.commands.length ? (
            <Box flexDirection="column">
              <Text>Takes effect after:</Text>
              {plan.commands.map((c) => (
                <Text key={c.argv.join(' ')}>
                  {'  '}
                  {c.needsRoot ? 'sudo ' : ''}
                  {shownCommand(c.argv)}
                </Text>
              ))}
            </Box>
          ) : null}
        </Box>
      ) : (
        <Text dimColor>Running the doctor again…</Text>
      )}
    </Screen>
  );
}
