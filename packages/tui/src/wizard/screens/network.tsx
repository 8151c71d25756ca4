// The network form: one table of field descriptions (FIELDS) rendered by one row component, each field with its
// note (why it cannot be used, a warning, what was understood) beside it, then the targets with why each is chosen.

import { goBypass, listField, proxyOnLoopback, registryHostport } from '@buildproxy/core';
import { Box } from 'ink';
import { useState } from 'react';
import { type FieldNote, proxyError, proxyNote } from '../answers.js';
import { keyRows, Screen, useTerminalSize } from '../components/chrome.js';
import { useKeys } from '../components/keys.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';
import { hasPassword, REVEAL_KEY, TextField } from '../components/text-field.js';
import { useRemembered } from '../components/ui-context.js';
import { type Block, Note, windowAround } from '../components/window.js';
import { wrapRows } from '../components/wrap.js';
import { Wrapped } from '../components/wrapped.js';
import type { Answers, Suggestion, WizardState } from '../state.js';

export { proxyError } from '../answers.js';

type TextKey = 'proxy' | 'httpsProxy' | 'noProxy' | 'registries' | 'mirrors' | 'caCert';
type FlagKey = 'separateHttps' | 'tlsInspect' | 'loopback';
type Field = TextKey | FlagKey | 'targets';

interface FieldSpec {
  key: TextKey | FlagKey;
  label: string;
  kind: 'url' | 'text' | 'flag';
  placeholder?: string;
  shown?: (a: Answers) => boolean;
  note?: (a: Answers) => FieldNote | null;
}

/** The form, top to bottom. */
export const FIELDS: FieldSpec[] = [
  {
    key: 'proxy',
    label: 'Proxy URL',
    kind: 'url',
    placeholder: 'e.g. http://proxy.corp:3128',
    note: (a) => (a.proxy ? proxyNote(a.proxy, true) : null),
  },
  { key: 'separateHttps', label: 'Separate HTTPS proxy?', kind: 'flag' },
  {
    key: 'httpsProxy',
    label: 'HTTPS proxy URL',
    kind: 'url',
    placeholder: 'e.g. http://proxy.corp:3128',
    shown: (a) => a.separateHttps,
    note: (a) => (a.httpsProxy ? proxyNote(a.httpsProxy, true) : null),
  },
  { key: 'noProxy', label: 'NO_PROXY', kind: 'text', placeholder: 'e.g. localhost,127.0.0.1,.corp' },
  { key: 'registries', label: 'Internal registries', kind: 'text', placeholder: 'e.g. registry.corp:5000' },
  { key: 'mirrors', label: 'docker.io mirrors', kind: 'text', placeholder: 'e.g. mirror.corp:5000' },
  { key: 'tlsInspect', label: 'Proxy inspects TLS?', kind: 'flag' },
  {
    key: 'caCert',
    label: 'Corporate CA file',
    kind: 'text',
    // a path is never offered as if it were the answer: the hint says it is one
    placeholder: '(path of the CA, e.g. /usr/local/share/ca-certificates/corp.crt)',
    shown: (a) => a.tlsInspect,
  },
  {
    key: 'loopback',
    label: 'Proxy on this host?',
    kind: 'flag',
    note: (a) =>
      a.loopback !== proxyOnLoopback(a.proxy)
        ? { tone: 'info', text: `the URL says ${proxyOnLoopback(a.proxy) ? '127.0.0.1' : 'another host'}` }
        : null,
  },
];

export function visibleFields(a: Answers): Field[] {
  return [...FIELDS.filter((f) => !f.shown || f.shown(a)).map((f) => f.key), 'targets'];
}

/** Why Enter cannot continue yet, naming the field; null when it can. */
export function blocker(a: Answers): { field: Field; text: string } | null {
  const p = proxyError(a.proxy, true);
  if (p) return { field: 'proxy', text: `Proxy URL: ${proxyNote(a.proxy, true)?.text ?? p}` };
  if (a.separateHttps && proxyError(a.httpsProxy, true))
    return { field: 'httpsProxy', text: `HTTPS proxy URL: ${proxyNote(a.httpsProxy, true)?.text}` };
  if (a.targets.length === 0) return { field: 'targets', text: 'choose at least one thing to fix (space)' };
  return null;
}

/**
 * Live Go-semantics preview: where each registry goes. Internal registries and mirrors are added to NO_PROXY by
 * the plan (core's generateNoProxy), so they go direct even when the typed NO_PROXY does not name them.
 */
export function noProxyPreview(a: Answers): { host: string; direct: boolean; why: string }[] {
  const internal = [...listField(a.registries), ...listField(a.mirrors)];
  return [...internal, 'registry-1.docker.io'].map((h) => {
    const b = goBypass(a.noProxy, registryHostport(h));
    if (b.bypass) return { host: h, direct: true, why: b.why === 'no-proxy' ? `matches ${b.entry}` : b.why };
    if (internal.includes(h)) return { host: h, direct: true, why: 'added to NO_PROXY by the plan' };
    return { host: h, direct: false, why: 'via proxy' };
  });
}

const TONE = { error: 'red', warning: 'yellow', info: undefined } as const;

export function NetworkScreen({
  answers,
  choices,
  why = {},
  error,
  suggested = null,
  onAnswer,
  onNext,
  onBack,
}: {
  answers: Answers;
  choices: WizardState['targetChoices'];
  /** why each selected target is selected */
  why?: WizardState['why'];
  error: string | null;
  /** the machine's own proxy offered as the answer: its source is shown while the field still holds it */
  suggested?: Suggestion | null;
  onAnswer: (p: Partial<Answers>) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const fields = visibleFields(answers);
  // The focused field and list item live in the wizard's state: back here from the paste step, they are as left.
  const [focused, setField] = useRemembered<Field>('network.field', fields[0]!);
  const [item, setItem] = useRemembered<number>('network.item', 0);
  const [blocked, setBlocked] = useState<string | null>(null);
  const f = Math.max(0, fields.indexOf(focused));
  const field = fields[f]!;
  const spec = FIELDS.find((x) => x.key === field);
  const isText = spec?.kind === 'url' || spec?.kind === 'text';
  const move = (d: number) => setField(fields[Math.max(0, Math.min(fields.length - 1, f + d))]!);
  const submit = () => {
    const b = blocker(answers);
    if (!b) return onNext();
    // say why, and take the user to the field that needs fixing
    setBlocked(b.text);
    setField(b.field);
  };
  useNavKeys({ onBack, textFocused: isText });
  useKeys((input, key) => {
    if (key.tab && key.shift) return move(-1);
    if (key.tab) return move(1);
    // several tabs in one chunk (typed fast): one move each
    if (/^\t+$/.test(input)) return move(input.length);
    if (field === 'targets') {
      if (key.upArrow || input === 'k') return item === 0 ? move(-1) : setItem(item - 1);
      if (key.downArrow || input === 'j') return setItem(Math.min(choices.length - 1, item + 1));
      if (input === ' ') {
        const v = choices[item]?.value;
        if (v)
          onAnswer({
            targets: answers.targets.includes(v)
              ? answers.targets.filter((t) => t !== v)
              : [...answers.targets, v],
          });
        return;
      }
      if (key.return) return submit();
      return;
    }
    if (key.upArrow) return move(-1);
    if (key.downArrow) return move(1);
    if (spec?.kind === 'flag') {
      const flag = spec.key as FlagKey;
      if (input === 'y') onAnswer({ [flag]: true });
      else if (input === 'n') onAnswer({ [flag]: false });
      else if (input === ' ') onAnswer({ [flag]: !answers[flag] });
      else if (key.return) move(1);
    }
  });
  const preview = noProxyPreview(answers);
  const { columns, rows } = useTerminalSize();
  const keys = `↑↓/tab move · y/n/space toggle · enter next · esc back · ctrl-c quit${
    spec?.kind === 'url' && hasPassword(answers[spec.key as TextKey]) ? ` · ${REVEAL_KEY} show password` : ''
  } · ? help`;
  const valueWidth = Math.max(10, columns - 24);
  // The form as blocks, each with the rows it takes (its notes are wrapped here, so the count is exact).
  const blocks: Block[] = FIELDS.filter((x) => !x.shown || x.shown(answers)).map((x) => {
    const focusedHere = field === x.key;
    const note = x.note?.(answers) ?? null;
    const from =
      x.key === 'proxy' && suggested && answers.proxy === suggested.httpProxy
        ? `from: ${suggested.label}`
        : null;
    const route =
      x.key === 'mirrors' && preview.length
        ? preview.map((p) => `${p.host} → ${p.direct ? `direct (${p.why})` : 'via proxy'}`).join(' · ')
        : null;
    const shown = x.kind === 'flag' ? 'yes' : answers[x.key as TextKey] || x.placeholder || '';
    const height =
      (x.kind === 'flag' ? 1 : Math.ceil((Array.from(shown).length + 1) / valueWidth)) +
      [from, note?.text ?? null, route].reduce((n, t) => n + (t ? wrapRows(t, columns - 4, 2).length : 0), 0);
    return {
      key: x.key,
      height,
      node: (
        <Box key={x.key} flexDirection="column">
          <Box>
            <Text color={focusedHere ? 'cyan' : undefined}>
              {focusedHere ? '❯ ' : '  '}
              {x.label.padEnd(22)}
            </Text>
            {x.kind === 'flag' ? (
              <Text>{answers[x.key as FlagKey] ? 'yes' : 'no'}</Text>
            ) : (
              <TextField
                value={answers[x.key as TextKey]}
                onChange={(v) =>
                  onAnswer(x.key === 'proxy' ? { proxy: v, loopback: proxyOnLoopback(v) } : { [x.key]: v })
                }
                onSubmit={() => move(1)}
                focus={focusedHere}
                placeholder={x.placeholder}
                secret={x.kind === 'url' ? 'url' : undefined}
              />
            )}
          </Box>
          {from ? <Note text={from} dim /> : null}
          {note ? <Note text={note.text} color={TONE[note.tone]} /> : null}
          {route ? <Note text={route} dim /> : null}
        </Box>
      ),
    };
  });
  const heading = `${field === 'targets' ? '❯ ' : '  '}What to fix (space toggles, enter continues):`;
  blocks.push({
    key: 'targets',
    height: wrapRows(heading, columns).length,
    node: (
      <Text key="targets" color={field === 'targets' ? 'cyan' : undefined}>
        {heading}
      </Text>
    ),
  });
  /* The targets are a multi-select drawn here, not @inkjs/ui's MultiSelect (2.0.0): that one keeps its value and
     focus inside (only a defaultValue goes in), resets both whenever its options change (the preselection follows
     the typed proxy), cannot start on a given item (back from the paste step must find the item left), cannot
     hand ↑ at its top back to the form, and shows a selection only as a ✔ after the label, with no room for
     the dim "why" beside it. Here: ◉/◯ and ❯ read without colour, ↑ at the top goes to the field above. */
  choices.forEach((c, i) => {
    const on = answers.targets.includes(c.value);
    const here = field === 'targets' && i === item;
    blocks.push({
      key: `target-${c.value}`,
      height: wrapRows(`${c.label}${on && why[c.value] ? ` — ${why[c.value]}` : ''}`, columns - 6, 0).length,
      node: (
        <Box key={c.value} marginLeft={2}>
          <Text color={here ? 'cyan' : undefined}>
            {here ? '❯ ' : '  '}
            {on ? '◉' : '◯'}{' '}
          </Text>
          <Box flexShrink={1}>
            <Text>
              {c.label}
              {on && why[c.value] ? <Text dimColor> — {why[c.value]}</Text> : null}
            </Text>
          </Box>
        </Box>
      ),
    });
  });
  const stop = blocked && blocker(answers) ? `Cannot continue: ${blocked}` : null;
  const tail = [error, stop].reduce((n, t) => n + (t ? wrapRows(t, columns).length : 0), 0);
  // The frame stays shorter than the terminal (title, two gaps, the key help, one spare row): past that Ink clears
  // the screen and the user's scrollback on every key. A form taller than that shows a window around the focus.
  const room = rows - 4 - keyRows(keys, columns).length - tail;
  const focus =
    field === 'targets' ? blocks.findIndex((b) => b.key === `target-${choices[item]?.value}`) : -1;
  const [from, to] = windowAround(
    blocks.map((b) => b.height),
    focus >= 0
      ? focus
      : Math.max(
          0,
          blocks.findIndex((b) => b.key === field),
        ),
    room,
  );
  return (
    <Screen step="network" keys={keys}>
      {from > 0 ? <Text dimColor>↑ {from} more above</Text> : null}
      {blocks.slice(from, to).map((b) => b.node)}
      {to < blocks.length ? <Text dimColor>↓ {blocks.length - to} more below</Text> : null}
      {error ? <Wrapped color="red">{error}</Wrapped> : null}
      {stop ? <Wrapped color="red">{stop}</Wrapped> : null}
    </Screen>
  );
}
