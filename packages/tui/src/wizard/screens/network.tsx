import { goBypass, listField, parseProxyUrl, proxyOnLoopback, registryHostport } from '@buildproxy/core';
import { Box, useInput } from 'ink';
import { useState } from 'react';
import { Screen } from '../components/chrome.js';
import { useNavKeys } from '../components/nav.js';
import { Text } from '../components/text.js';
import { TextInput } from '../components/text-input.js';
import type { Answers, WizardState } from '../state.js';

type Field =
  | 'proxy'
  | 'separateHttps'
  | 'httpsProxy'
  | 'noProxy'
  | 'registries'
  | 'mirrors'
  | 'tlsInspect'
  | 'caCert'
  | 'loopback'
  | 'targets';

export function visibleFields(a: Answers): Field[] {
  return [
    'proxy',
    'separateHttps',
    ...(a.separateHttps ? (['httpsProxy'] as const) : []),
    'noProxy',
    'registries',
    'mirrors',
    'tlsInspect',
    ...(a.tlsInspect ? (['caCert'] as const) : []),
    'loopback',
    'targets',
  ];
}

export function proxyError(v: string, required: boolean): string | null {
  if (!v) return required ? 'the proxy URL is required' : null;
  const r = parseProxyUrl(v);
  return r.ok ? null : `${r.problem.message}: ${r.problem.fix}`;
}

/** Live Go-semantics preview: where each registry goes with this NO_PROXY. */
export function noProxyPreview(a: Answers): { host: string; direct: boolean; why: string }[] {
  const hosts = [...listField(a.registries), ...listField(a.mirrors), 'registry-1.docker.io'];
  return hosts.map((h) => {
    const b = goBypass(a.noProxy, registryHostport(h));
    return {
      host: h,
      direct: b.bypass,
      why: b.bypass ? (b.why === 'no-proxy' ? `matches ${b.entry}` : b.why) : 'via proxy',
    };
  });
}

const TEXT_FIELDS: Field[] = ['proxy', 'httpsProxy', 'noProxy', 'registries', 'mirrors', 'caCert'];

export function NetworkScreen({
  answers,
  choices,
  why = {},
  error,
  onAnswer,
  onNext,
  onBack,
}: {
  answers: Answers;
  choices: WizardState['targetChoices'];
  /** why each selected target is selected */
  why?: WizardState['why'];
  error: string | null;
  onAnswer: (p: Partial<Answers>) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const fields = visibleFields(answers);
  const [f, setF] = useState(0);
  const [item, setItem] = useState(0);
  const field = fields[Math.min(f, fields.length - 1)]!;
  const isText = TEXT_FIELDS.includes(field);
  const move = (d: number) => setF((x) => Math.max(0, Math.min(fields.length - 1, x + d)));
  const problems = [
    proxyError(answers.proxy, true),
    answers.separateHttps ? proxyError(answers.httpsProxy, true) : null,
  ].filter(Boolean);
  const submit = () => {
    if (problems.length === 0 && answers.targets.length > 0) onNext();
  };
  useNavKeys({ onBack, textFocused: isText });
  useInput((input, key) => {
    if (key.tab && key.shift) return move(-1);
    if (key.tab) return move(1);
    // several tabs in one chunk (typed fast): one move each
    if (/^\t+$/.test(input)) return move(input.length);
    if (field === 'targets') {
      if (key.upArrow || input === 'k') return item === 0 ? move(-1) : setItem((i) => i - 1);
      if (key.downArrow || input === 'j') return setItem((i) => Math.min(choices.length - 1, i + 1));
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
    if (!isText) {
      const flag = field as 'separateHttps' | 'tlsInspect' | 'loopback';
      if (input === 'y') onAnswer({ [flag]: true });
      else if (input === 'n') onAnswer({ [flag]: false });
      else if (input === ' ') onAnswer({ [flag]: !answers[flag] });
      else if (key.return) move(1);
    }
  });
  const label = (name: Field, text: string) => (
    <Text color={field === name ? 'cyan' : undefined}>
      {field === name ? '❯ ' : '  '}
      {text.padEnd(22)}
    </Text>
  );
  const yn = (name: 'separateHttps' | 'tlsInspect' | 'loopback', text: string) => (
    <Box>
      {label(name, text)}
      <Text>{answers[name] ? 'yes' : 'no'}</Text>
    </Box>
  );
  const err = proxyError(answers.proxy, true);
  const loopbackGuess = proxyOnLoopback(answers.proxy);
  return (
    <Screen step="network" keys="↑↓/tab move · y/n/space toggle · enter next field · esc back · ctrl-c quit">
      <Box>
        {label('proxy', 'Proxy URL')}
        <TextInput
          value={answers.proxy}
          onChange={(v) =>
            onAnswer({
              proxy: v,
              loopback: proxyOnLoopback(v),
            })
          }
          onSubmit={() => move(1)}
          focus={field === 'proxy'}
          placeholder="e.g. http://proxy.corp:3128"
          maskPassword
        />
      </Box>
      {answers.proxy && err ? <Text color="red"> {err}</Text> : null}
      {yn('separateHttps', 'Separate HTTPS proxy?')}
      {answers.separateHttps ? (
        <Box>
          {label('httpsProxy', 'HTTPS proxy URL')}
          <TextInput
            value={answers.httpsProxy}
            onChange={(v) => onAnswer({ httpsProxy: v })}
            onSubmit={() => move(1)}
            focus={field === 'httpsProxy'}
            placeholder="e.g. http://proxy.corp:3128"
            maskPassword
          />
        </Box>
      ) : null}
      <Box>
        {label('noProxy', 'NO_PROXY')}
        <TextInput
          value={answers.noProxy}
          onChange={(v) => onAnswer({ noProxy: v })}
          onSubmit={() => move(1)}
          focus={field === 'noProxy'}
          placeholder="e.g. localhost,127.0.0.1,.corp"
        />
      </Box>
      <Box>
        {label('registries', 'Internal registries')}
        <TextInput
          value={answers.registries}
          onChange={(v) => onAnswer({ registries: v })}
          onSubmit={() => move(1)}
          focus={field === 'registries'}
          placeholder="e.g. registry.corp:5000, mirror.corp"
        />
      </Box>
      <Box>
        {label('mirrors', 'docker.io mirrors')}
        <TextInput
          value={answers.mirrors}
          onChange={(v) => onAnswer({ mirrors: v })}
          onSubmit={() => move(1)}
          focus={field === 'mirrors'}
          placeholder="e.g. mirror.corp:5000"
        />
      </Box>
      <Text dimColor>
        {'    '}
        {noProxyPreview(answers)
          .map((p) => `${p.host} → ${p.direct ? 'direct' : 'via proxy'}`)
          .join(' · ')}
      </Text>
      {yn('tlsInspect', 'Proxy inspects TLS?')}
      {answers.tlsInspect ? (
        <Box>
          {label('caCert', 'Corporate CA file')}
          <TextInput
            value={answers.caCert}
            onChange={(v) => onAnswer({ caCert: v })}
            onSubmit={() => move(1)}
            focus={field === 'caCert'}
            placeholder="/usr/local/share/ca-certificates/corp.crt"
          />
        </Box>
      ) : null}
      {yn('loopback', 'Proxy on this host?')}
      {answers.loopback !== loopbackGuess ? (
        <Text dimColor> (the URL says {loopbackGuess ? '127.0.0.1' : 'another host'})</Text>
      ) : null}
      <Text color={field === 'targets' ? 'cyan' : undefined}>
        {field === 'targets' ? '❯ ' : '  '}What to fix (space toggles, enter continues):
      </Text>
      {choices.map((c, i) => (
        <Text key={c.value} color={field === 'targets' && i === item ? 'cyan' : undefined}>
          {field === 'targets' && i === item ? '  ❯ ' : '    '}
          {answers.targets.includes(c.value) ? '◉' : '◯'} {c.label}
          {answers.targets.includes(c.value) && why[c.value] ? <Text dimColor> — {why[c.value]}</Text> : null}
        </Text>
      ))}
      {error ? <Text color="red">{error}</Text> : null}
      {answers.targets.length === 0 ? <Text color="yellow"> choose at least one thing to fix</Text> : null}
    </Screen>
  );
}
