// The network form at 60×20: with three targets and "Cannot continue" under them it was as tall as the terminal
// (found walking the built wizard in tmux), and Ink then cleared the screen and the user's scrollback on the next
// key. The form now shows a window of whole blocks around the focused field; here every state tried stays shorter
// than the terminal, keeps its title, and shows the focused field and the reason it cannot continue.

import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { windowAround } from '../../src/wizard/components/window.js';
import { NetworkScreen } from '../../src/wizard/screens/network.js';
import { type Answers, EMPTY_ANSWERS } from '../../src/wizard/state.js';
import { press, resize } from './ink-driver.js';

const KEY = { enter: '\r', tab: '\t', down: '\u001B[B', shiftTab: '\u001B[Z' };

// the targets the wizard offered on the walk's machine (Engine 26, config.json, a shell), with why each is chosen
const CHOICES = [
  {
    value: 'docker-systemd',
    label: 'dockerd and its BuildKit (docker build → "default")',
    reason: 'systemd',
  },
  { value: 'docker-cli-config', label: 'RUN steps (~/.docker/config.json proxies)', reason: 'config.json' },
  { value: 'client-shell', label: 'your shell (registry tokens)', reason: 'shell' },
] as const;
const WHY = {
  'docker-systemd': 'dockerd pulls the images your build starts from',
  'docker-cli-config': 'fixes run-proxy-missing',
  'client-shell': 'fixes client-token-proxy',
};

function Form({ start }: { start: Answers }) {
  const [answers, setAnswers] = useState(start);
  return (
    <NetworkScreen
      answers={answers}
      choices={CHOICES.map((c) => ({ ...c }))}
      why={WHY}
      error={null}
      onAnswer={(p) => setAnswers((a) => ({ ...a, ...p }))}
      onNext={() => {}}
      onBack={() => {}}
    />
  );
}

// the text field's cursor is inverse video, written as its escape: no column of its own
const rowsOf = (f: string) => f.replace(/\x1b\[\d*m/g, '').split('\n');
const ALL = CHOICES.map((c) => c.value);

describe('windowAround', () => {
  it('everything when it fits', () => {
    expect(windowAround([1, 2, 1], 1, 4)).toEqual([0, 3]);
  });

  it('a run that holds the focus, with a row for each hidden side, never more than the room', () => {
    for (let room = 3; room < 16; room++)
      for (let focus = 0; focus < 9; focus++) {
        const heights = [1, 2, 1, 1, 3, 1, 2, 2, 1];
        const [from, to] = windowAround(heights, focus, room);
        expect(from).toBeLessThanOrEqual(focus);
        expect(to).toBeGreaterThan(focus);
        const used =
          heights.slice(from, to).reduce((a, b) => a + b, 0) +
          (from > 0 ? 1 : 0) +
          (to < heights.length ? 1 : 0);
        if (heights[focus]! + 2 <= room) expect(used).toBeLessThanOrEqual(room);
      }
  });
});

describe('the network form fits the terminal', () => {
  const starts: [string, Answers][] = [
    ['empty, nothing answered', { ...EMPTY_ANSWERS, targets: ['docker-systemd'] }],
    [
      'every field shown, with notes',
      {
        ...EMPTY_ANSWERS,
        proxy: 'https://alice:s3cret@proxy.corp.example:3128',
        separateHttps: true,
        httpsProxy: 'n',
        noProxy: 'localhost,127.0.0.1,.corp.example,10.0.0.0/8,registry.build.corp.example:5000',
        registries: 'registry.build.corp.example:5000, git.corp.example',
        mirrors: 'mirror.corp.example:5000',
        tlsInspect: true,
        targets: [...ALL],
      },
    ],
  ];
  for (const [cols, rows] of [
    [80, 24],
    [60, 20],
  ] as const)
    for (const [name, start] of starts)
      it(`${cols}×${rows}, ${name}: every field in turn, then enter on the targets`, async () => {
        const r = render(<Form start={start} />);
        await resize(r.stdout, cols, rows);
        const seen = new Set<string>();
        for (let i = 0; i < 14; i++) {
          const f = r.lastFrame()!;
          expect(rowsOf(f).length, f).toBeLessThan(rows);
          expect(rowsOf(f)[0]).toContain('buildproxy · step 3/8');
          for (const row of rowsOf(f)) expect([...row].length, row).toBeLessThanOrEqual(cols);
          // the focused field or item is on screen
          expect(f).toMatch(/❯ /);
          const focused = /❯ (\S.*)$/m.exec(f)![1]!;
          seen.add(focused.slice(0, 12));
          await press(r.stdin, i < 9 ? KEY.tab : KEY.down);
        }
        // each field was reached, hidden ones brought into the window
        expect(seen.size).toBeGreaterThanOrEqual(start.separateHttps ? 10 : 8);
        await press(r.stdin, KEY.enter);
        const f = r.lastFrame()!;
        expect(rowsOf(f).length, f).toBeLessThan(rows);
        if (!start.proxy) {
          // the reason, wrapped under its indent, and the proxy field it sent the focus to
          expect(f.replace(/\n +/g, ' ')).toContain('Cannot continue: Proxy URL: required');
          expect(f).toMatch(/❯ Proxy URL/);
        }
        r.unmount();
      });
});
