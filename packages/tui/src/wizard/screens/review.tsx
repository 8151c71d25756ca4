import { defaultTargets, type ErrorReading, findRule, type Plan, type State } from '@buildproxy/core';
import { renderPlan } from '../../render/plan.js';
import { makeStyle } from '../../render/style.js';
import { useKeys } from '../components/keys.js';

const PLAIN = makeStyle(false);

import { Screen, useTerminalSize, useViewportHeight } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { ScrollView, useScroll, wrapLines } from '../components/scroll.js';
import { Text } from '../components/text.js';
import { Wrapped } from '../components/wrapped.js';

export function ReviewScreen({
  plan,
  error,
  fromError = [],
  why = {},
  reading = null,
  machine = null,
  color,
  onNext,
  onBack,
}: {
  plan: Plan | null;
  error: string | null;
  fromError?: string[];
  /** why each target was selected */
  why?: Partial<Record<string, string>>;
  /** the pasted error, read: its rule is listed as still open when no planned target fixes it */
  reading?: ErrorReading | null;
  machine?: State | null;
  color: boolean;
  onNext: () => void;
  onBack: () => void;
}) {
  const { columns } = useTerminalSize();
  // Plain text, wrapped to the terminal; the view colours diff lines itself.
  const lines = wrapLines(
    plan
      ? [
          ...headLines(plan, why, reading, fromError, machine),
          ...renderPlan(plan, PLAIN).trimEnd().split('\n'),
        ]
      : [],
    columns,
  );
  const height = useViewportHeight(1);
  const top = useScroll(lines.length, height);
  useNavKeys({ onBack });
  useKeys((_input, key) => {
    if (key.return && plan) onNext();
  });
  if (error) {
    return (
      <Screen step="review" keys="esc/b back and change your answers · q quit">
        {/* wrapped under a hanging indent, a path never split inside a name */}
        <Wrapped color="red">{`Cannot plan: ${error}`}</Wrapped>
      </Screen>
    );
  }
  if (!plan) {
    return (
      <Screen step="review" keys="…">
        <Text dimColor>Planning…</Text>
      </Screen>
    );
  }
  return (
    <Screen step="review" keys="↑↓/jk/space scroll · enter choose what to do · esc/b back · q quit">
      <ScrollView lines={lines} top={top} height={height} color={color} />
      <Text dimColor>
        {plan.changes.length} file(s), {plan.commands.length} command(s) · lines{' '}
        {Math.min(lines.length, top + 1)}–{Math.min(lines.length, top + height)} of {lines.length}
      </Text>
    </Screen>
  );
}

/** What was selected and why, and the pasted error's verdict, above the diffs. */
export function headLines(
  plan: Plan,
  why: Partial<Record<string, string>>,
  reading: ErrorReading | null,
  fromError: string[],
  machine: State | null = null,
): string[] {
  const out = (plan.targets ?? []).map(
    (t) =>
      `Selected ${t}${fromError.includes(t) ? ' (added for the error you pasted)' : ''}${why[t] ? `: ${why[t]}` : ''}`,
  );
  if (reading?.recognised && reading.proxyProblem && reading.actor && machine) {
    // What the doctor would write for the requester the error names (as plan --error does), on this machine.
    const needed = defaultTargets(machine, [
      {
        rule: reading.rules[0] ?? reading.cause ?? 'error',
        severity: 'error',
        actor: reading.actor,
        title: reading.title ?? '',
        message: reading.requester ?? reading.actor,
        evidence: [],
      },
    ]);
    const rules = reading.rules.join(', ') || reading.cause || 'the error';
    const explainable = [reading.rules[0], reading.cause].find((id) => id && findRule(id));
    // A rule no written file fixes (a proxy that does not answer, a Dockerfile's own ENV): saying "nothing chosen
    // here configures the build client" beside a selected client target would send the user hunting for one.
    if (needed.length === 0)
      out.push(
        `Still open from the error you pasted: ${rules}${reading.title ? ` (${reading.title})` : ''} — no target fixes this by itself${explainable ? `; read: buildproxy explain ${explainable}` : ''}`,
      );
    else if (needed.some((t) => (plan.targets ?? []).includes(t)))
      out.push(`The error you pasted (${rules}): the plan configures ${reading.requester ?? reading.actor}`);
    else
      out.push(
        `Still open from the error you pasted: ${rules} — nothing chosen here configures ${reading.requester ?? reading.actor}`,
      );
  }
  return out.length ? [...out, ''] : out;
}
