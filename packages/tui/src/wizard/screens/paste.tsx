import { type Report, readError, type State } from '@buildproxy/core';
import { Box } from 'ink';
import { Screen } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { maskTyping } from '../components/mask.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';
import { hasPassword, REVEAL_KEY, TextField } from '../components/text-field.js';
import { HELP_KEY, useRemembered, useTyping } from '../components/ui-context.js';
import { Wrapped } from '../components/wrapped.js';

type Field = 'error' | 'command';

/** A typed or pasted chunk into the error box: backspace, ctrl-u; its line breaks are kept (the command field is a TextField). */
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
    if (key.tab) return setField(field === 'error' ? 'command' : 'error');
    // the command is a text field of its own (cursor keys, masked secrets; enter continues)
    if (field === 'command') return;
    if (input === HELP_KEY && !current) return;
    // A paste arrives as one chunk (newlines included); a lone enter continues.
    if (key.return && input.length <= 1) return onNext();
    if (key.escape || key.meta || key.upArrow || key.downArrow) return;
    if (key.ctrl && input !== 'u') return;
    if (!input && !key.backspace && !key.delete) return;
    onChange(edit(text, input, key));
  });
  const r = text ? readError(text, machine) : null;
  const lines = text.split('\n').map(maskTyping).filter(Boolean);
  const focus = (f: Field) => (field === f ? '›' : ' ');
  return (
    <Screen
      step="paste"
      keys={`paste · tab error/command · enter continue or skip · ctrl-u clear · esc back${
        field === 'command' && hasPassword(command, 'text') ? ` · ${REVEAL_KEY} show password` : ''
      }`}
    >
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
        <TextField
          value={command}
          onChange={onCommand}
          onSubmit={onNext}
          focus={field === 'command'}
          placeholder="…"
          secret="text"
          joinLines
        />
      </Box>
      {error ? <Wrapped color="red">{error}</Wrapped> : null}
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
