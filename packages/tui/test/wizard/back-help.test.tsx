// Going back keeps the place (issue 18: "Esc from step 4 loses the focused field"), and "?" shows the help of
// the current step over it, without losing the place, the focus or what was typed.
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/wizard/screens/help.js';
import { press, waitFor } from './ink-driver.js';
import { renderApp } from './render-app.js';

const KEY = { enter: '\r', esc: '\u001B', tab: '\t', up: '\u001B[A', down: '\u001B[B' };

const start = renderApp;

/** The line the focus mark "❯" is on (the last one: a list's heading and its item both carry it). */
const focusLines = (f: string) =>
  f
    .split('\n')
    .filter((l) => l.includes('❯'))
    .join('\n');
const focusLine = (f: string) => f.split('\n').findLast((l) => l.includes('❯')) ?? '';

describe('back keeps the place', () => {
  it('esc from the paste step finds the network form on the item left, answers kept', async () => {
    const { stdin, lastFrame, state } = start();
    await waitFor(lastFrame, (f) => f.includes('What we found'));
    await press(stdin, 'k', KEY.enter);
    await waitFor(lastFrame, (f) => f.includes('Your network'));
    await press(stdin, KEY.tab, KEY.tab, KEY.tab, ...'registry.corp:5000');
    for (let i = 0; i < 4; i++) await press(stdin, KEY.tab);
    await press(stdin, KEY.down, ' '); // the second target, selected
    expect(state().answers.targets).toEqual(['docker-systemd', 'docker-cli-config']);
    await press(stdin, KEY.enter);
    await waitFor(lastFrame, (f) => f.includes('Paste an error'));
    await press(stdin, KEY.esc);
    const f = await waitFor(lastFrame, (x) => x.includes('Your network'));
    expect(focusLine(f)).toContain('RUN steps');
    expect(f).toMatch(/Internal registries\s+registry\.corp:5000/);
    expect(state().answers.targets).toEqual(['docker-systemd', 'docker-cli-config']);
    // ↑ from the first item leaves the list for the field above it
    await press(stdin, KEY.up, KEY.up);
    expect(focusLine(lastFrame()!)).toContain('Proxy on this host?');
  });

  it('esc from the network form finds "Continue" still highlighted in the findings', async () => {
    const { stdin, lastFrame } = start();
    await waitFor(lastFrame, (x) => x.includes('What we found'));
    expect(focusLines(lastFrame()!)).not.toContain('Continue');
    await press(stdin, KEY.down, KEY.enter);
    await waitFor(lastFrame, (x) => x.includes('Your network'));
    await press(stdin, KEY.esc);
    const back = await waitFor(lastFrame, (x) => x.includes('finding(s)'));
    expect(focusLines(back)).toContain('Continue');
  });
});

describe('"?" help', () => {
  it('shows the current step’s help over it; esc returns to the place left', async () => {
    const { stdin, lastFrame } = start();
    await waitFor(lastFrame, (f) => f.includes('What we found'));
    expect(lastFrame()).toContain('? help');
    await press(stdin, KEY.down);
    const highlighted = focusLine(lastFrame()!);
    await press(stdin, '?');
    let f = await waitFor(lastFrame, (x) => x.includes('Help'));
    expect(f).toContain(HELP.found[0]!.slice(0, 40));
    expect(f).not.toContain('finding(s)');
    // keys of the screen underneath are off: ↓ and enter do not move or explain
    await press(stdin, KEY.down);
    expect(lastFrame()).toContain('Help');
    await press(stdin, KEY.esc);
    f = await waitFor(lastFrame, (x) => x.includes('finding(s)'));
    expect(focusLine(f)).toBe(highlighted);
  });

  it('in an empty text field "?" is help; in a field with text it is typed', async () => {
    const { stdin, lastFrame, state } = start();
    await waitFor(lastFrame, (f) => f.includes('What we found'));
    await press(stdin, 'k', KEY.enter);
    await waitFor(lastFrame, (f) => f.includes('Your network'));
    await press(stdin, KEY.tab, KEY.tab, KEY.tab); // Internal registries, empty
    await press(stdin, '?');
    let f = await waitFor(lastFrame, (x) => x.includes('Help'));
    expect(f).toContain('ctrl-r shows the password');
    await press(stdin, '?'); // "?" closes it too
    f = await waitFor(lastFrame, (x) => x.includes('Internal registries'));
    expect(focusLine(f)).toContain('Internal registries');
    expect(state().answers.registries).toBe('');
    await press(stdin, ...'a?b');
    expect(state().answers.registries).toBe('a?b');
    expect(lastFrame()).not.toContain('Help');
  });

  it('on the paste step: "?" in the empty error box is help, after text it is part of the paste', async () => {
    const { stdin, lastFrame, state } = start();
    await waitFor(lastFrame, (f) => f.includes('What we found'));
    await press(stdin, 'k', KEY.enter);
    await waitFor(lastFrame, (f) => f.includes('Your network'));
    for (let i = 0; i < 8; i++) await press(stdin, KEY.tab);
    await press(stdin, KEY.enter);
    await waitFor(lastFrame, (f) => f.includes('Paste an error'));
    await press(stdin, '?');
    await waitFor(lastFrame, (x) => x.includes('Help') && x.includes('paste the failing build output'));
    await press(stdin, 'q'); // q leaves the help, not the wizard
    await waitFor(lastFrame, (x) => x.includes('Paste an error'));
    expect(state().ended).toBeNull();
    await press(stdin, ...'why?');
    expect(state().answers.errorText).toBe('why?');
  });
});
