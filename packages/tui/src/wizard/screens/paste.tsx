import { type ErrorReading, type Report, readError, type State } from '@buildproxy/core';
import { Box } from 'ink';
import { keyRows, Screen, useTerminalSize } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { maskTyping } from '../components/mask.js';
import { useNavKeys } from '../components/nav.js';
import type { ShownLine } from '../components/scroll.js';
import { Text } from '../components/text.js';
import { hasPassword, REVEAL_KEY, TextField } from '../components/text-field.js';
import { HELP_KEY, useRemembered, useTyping } from '../components/ui-context.js';
import { wrapRows } from '../components/wrap.js';
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
  const { columns, rows } = useTerminalSize();
  const r = text ? readError(text, machine) : null;
  const keys = `paste · tab error/command · enter continue or skip · ctrl-u clear · esc back${
    field === 'command' && hasPassword(command, 'text') ? ` · ${REVEAL_KEY} show password` : ''
  } · ? help`;
  const focus = (f: Field) => (field === f ? '›' : ' ');
  const prompt = `${focus('error')} Paste the error from your build, or press enter to skip.`;
  const label = `${focus('command')} The command you build with (tab), e.g. buildctl build … or docker compose build:`;
  // The pasted text's last rows, wrapped inside the box (a long error line is never cut with "…"); fewer on a
  // short terminal, so the reading below still fits.
  const boxRows = rows >= 24 ? 4 : 2;
  const inner = columns - 4;
  const pasted = text
    .split('\n')
    .map(maskTyping)
    .filter(Boolean)
    .flatMap((l) => wrapRows(l, inner, 2))
    .slice(-boxRows);
  // Every row the frame holds besides the reading: it gets what is left, so the frame stays shorter than the
  // terminal (a taller one scrolls the title off and makes Ink clear the screen and the scrollback).
  const fixed =
    4 + // title, the gaps above and below the body, one row of slack
    wrapRows(prompt, columns).length +
    boxRows +
    2 +
    wrapRows(label, columns).length +
    Math.ceil((Array.from(command).length + 1) / Math.max(1, inner)) +
    2 +
    (error ? error.split('\n').flatMap((l) => wrapRows(l, columns)).length : 0) +
    keyRows(keys, columns).length;
  const reading = fitRows(r ? readingLines(r, report) : [], columns, Math.max(1, rows - fixed));
  return (
    <Screen step="paste" keys={keys}>
      <Wrapped>{prompt}</Wrapped>
      <Box flexDirection="column" borderStyle="round" paddingX={1} height={boxRows + 2}>
        {pasted.map((l, i) => (
          <Text key={`${i}-${l}`} wrap="truncate" dimColor>
            {l}
          </Text>
        ))}
        {pasted.length === 0 ? <Text dimColor>…</Text> : null}
      </Box>
      {/* wrapped under the marker's column, not at column 0 ("docker compose" / "build:") */}
      <Wrapped>{label}</Wrapped>
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
      {reading.map((l, i) => (
        <Text key={`${i}-${l.text}`} wrap="truncate" dimColor={l.tone === 'dim'}>
          {l.text || ' '}
        </Text>
      ))}
    </Screen>
  );
}

/** What the error reader made of the paste: requester and title, the explanation, its rules, the detected proxy. */
function readingLines(r: ErrorReading, report: Report | null): ShownLine[] {
  if (!r.recognised) return [{ text: 'No known build-network failure in this text.', tone: 'dim' }];
  return [
    {
      text: `${r.requester ?? 'unknown requester'}: ${r.title}${r.proxyProblem ? '' : ' — no proxy setting fixes this'}`,
      tone: 'plain',
    },
    { text: r.explanation, tone: 'plain' },
    ...(r.rules.length ? [{ text: `(${r.rules.join(', ')})`, tone: 'dim' as const }] : []),
    ...(report && r.actor ? [{ text: detectedLine(report, r.actor), tone: 'dim' as const }] : []),
  ];
}

/** `lines` wrapped under a hanging indent, at most `max` rows: past that, the last row says how many are hidden. */
export function fitRows(lines: ShownLine[], columns: number, max: number): ShownLine[] {
  const all = lines.flatMap((l) => wrapRows(l.text, columns, 2).map((text) => ({ text, tone: l.tone })));
  if (all.length <= max) return all;
  const kept = all.slice(0, Math.max(0, max - 1));
  return [
    ...kept,
    { text: `… ${all.length - kept.length} more row(s): a taller terminal shows them`, tone: 'dim' },
  ];
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
