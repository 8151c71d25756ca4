import { type Report, readError, type State } from '@buildproxy/core';
import { Box } from 'ink';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { maskTyping } from '../components/mask.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';
import { HELP_KEY, useRemembered, useTyping } from '../components/ui-context.js';

type Field = 'error' | 'command';

/** A typed or pasted chunk into a field: backspace, ctrl-u; the command field joins lines as one command line. */
function edit(value: string, input: string, key: { backspace?: boolean; delete?: boolean; ctrl?: boolean }) {
  if (key.backspace || key.delete) return value.slice(0, -1);
  if (key.ctrl && input === 'u') return '';
  return value + input.replace(/\r\n?/g, '\n');
}

export function PasteScreen({
  text,
  command = '',
  error = null,
  machine = null,
  report = null,
  onChange,
  onCommand = () => {},
  onNext,
  onBack,
}: {
  text: string;
  /** the build command the user runs (issue 13: it decides which builder and which build args count) */
  command?: string;
  /** why the command could not be read */
  error?: string | null;
  /** the detected machine: the reading names its builder and daemon */
  machine?: State | null;
  /** the doctor's report for the answers: what the requester the error names was found to use */
  report?: Report | null;
  onChange: (t: string) => void;
  onCommand?: (c: string) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const [field, setField] = useRemembered<Field>('paste.field', 'error');
  const current = field === 'error' ? text : command;
  // "?" in an empty field is help (the app's); in a field with text it is typed
  useTyping(current !== '');
  useNavKeys({ onBack, textFocused: true });
  useKeys((input, key) => {
    if (input === HELP_KEY && !current) return;
    if (key.tab) return setField(field === 'error' ? 'command' : 'error');
    // A paste arrives as one chunk (newlines included); a lone enter continues.
    if (key.return && input.length <= 1) return onNext();
    if (key.escape || key.meta || key.upArrow || key.downArrow) return;
    if (key.ctrl && input !== 'u') return;
    if (!input && !key.backspace && !key.delete) return;
    if (field === 'error') onChange(edit(text, input, key));
    else onCommand(edit(command, input, key));
  });
  const r = text ? readError(text, machine) : null;
  const lines = text.split('\n').map(maskTyping).filter(Boolean);
  const focus = (f: Field) => (field === f ? '›' : ' ');
  return (
    <Screen step="paste" keys="paste · tab error/command · enter continue or skip · ctrl-u clear · esc back">
      <Text>{focus('error')} Paste the error from your build, or press enter to skip.</Text>
      <Box flexDirection="column" borderStyle="round" paddingX={1} height={6}>
        {lines.slice(-4).map((l, i) => (
          <Text key={`${i}-${l}`} wrap="truncate" dimColor>
            {l}
          </Text>
        ))}
        {lines.length === 0 ? <Text dimColor>…</Text> : null}
      </Box>
      <Text>
        {focus('command')} The command you build with (tab), e.g. buildctl build … or docker compose build:
      </Text>
      <Box borderStyle="round" paddingX={1}>
        <Text wrap="truncate-start" dimColor={!command}>
          {command ? maskTyping(command.replace(/\s*\n\s*/g, ' ')) : '…'}
        </Text>
      </Box>
      {error ? <Text color="red">{error}</Text> : null}
      {r?.recognised ? (
        <Box flexDirection="column">
          <Text>
            <Text bold>{r.requester ?? 'unknown requester'}</Text>: {r.title}
            {r.proxyProblem ? '' : ' — no proxy setting fixes this'}
          </Text>
          <Text>{r.explanation}</Text>
          {r.rules.length ? <Text dimColor>({r.rules.join(', ')})</Text> : null}
          {report && r.actor ? <Text dimColor>{detectedLine(report, r.actor)}</Text> : null}
        </Box>
      ) : null}
      {r && !r.recognised ? <Text dimColor>No known build-network failure in this text.</Text> : null}
    </Screen>
  );
}

/** The reading beside the evidence: what the doctor found this requester to use. */
export function detectedLine(report: Report, actor: keyof Report['actors']): string {
  const a = report.actors[actor];
  const p = a.httpsProxy ?? a.httpProxy;
  if (a.status !== 'known') return `Detected for ${a.label}: not inspected on this machine`;
  return p
    ? `Detected for ${a.label}: ${p.value} (from ${p.source})`
    : `Detected for ${a.label}: no proxy set`;
}
