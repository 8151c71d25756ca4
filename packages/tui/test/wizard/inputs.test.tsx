// The wizard's text fields as a user types into them (issue 18): the keys a shell user expects, the password
// masked one character at a time with a reveal key and never in clear in a note, and keys typed right after a
// screen change reaching the new screen (key-order.test.tsx).
import { redactValue } from '@buildproxy/core';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { editLine, type Line } from '../../src/wizard/components/line-edit.js';
import { MASK, maskPasswordChars, passwordSpan } from '../../src/wizard/components/mask.js';
import { PasteScreen } from '../../src/wizard/screens/paste.js';
import { press, waitFor } from './ink-driver.js';
import { renderApp } from './render-app.js';

const KEY = {
  enter: '\r',
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  home: '\u001B[H',
  end: '\u001B[F',
  homeVt: '\u001B[1~',
  endVt: '\u001B[4~',
  tab: '\t',
  esc: '\u001B',
  backspace: '\u007F',
  ctrl: (c: string) => String.fromCharCode(c.charCodeAt(0) - 96),
};

/** Ink's own key reading, so the table below uses the flags a real terminal's bytes produce. */
function keysOf(seq: string): [string, Parameters<typeof editLine>[2]] {
  const named: Record<string, Parameters<typeof editLine>[2]> = {
    [KEY.left]: { leftArrow: true },
    [KEY.right]: { rightArrow: true },
    [KEY.home]: { home: true },
    [KEY.end]: { end: true },
    [KEY.backspace]: { delete: true },
  };
  if (named[seq]) return ['', named[seq]];
  if (seq.length === 1 && seq.charCodeAt(0) < 27)
    return [String.fromCharCode(seq.charCodeAt(0) + 96), { ctrl: true }];
  return [seq, {}];
}

function typeInto(line: Line, ...seqs: string[]): Line {
  let l = line;
  for (const s of seqs) l = editLine(l, ...keysOf(s)) ?? l;
  return l;
}

describe('line editing (readline keys)', () => {
  const start = { value: 'http://proxy:3128', cursor: 17 };
  it('moves by ←/→ and ctrl-b/f, to the ends by Home/End and ctrl-a/e, and inserts at the cursor', () => {
    expect(typeInto(start, KEY.home, 'x')).toEqual({ value: 'xhttp://proxy:3128', cursor: 1 });
    expect(typeInto(start, KEY.ctrl('a'), KEY.ctrl('e'), '0')).toEqual({
      value: 'http://proxy:31280',
      cursor: 18,
    });
    expect(typeInto(start, KEY.left, KEY.left, KEY.left, KEY.left, '8')).toMatchObject({
      value: 'http://proxy:83128',
    });
    expect(typeInto(start, KEY.home, KEY.right, KEY.ctrl('f'), KEY.ctrl('b'), '_').value).toBe(
      'h_ttp://proxy:3128',
    );
    expect(typeInto({ value: 'ab', cursor: 0 }, KEY.left, KEY.left)).toEqual({ value: 'ab', cursor: 0 });
    expect(typeInto({ value: 'ab', cursor: 2 }, KEY.right)).toEqual({ value: 'ab', cursor: 2 });
  });
  it('deletes before the cursor (backspace, ctrl-u, ctrl-w), under it (ctrl-d) and after it (ctrl-k)', () => {
    const mid = typeInto(start, KEY.home, ...Array(7).fill(KEY.right)); // after "http://"
    expect(typeInto(mid, KEY.backspace)).toEqual({ value: 'http:/proxy:3128', cursor: 6 });
    expect(typeInto(mid, KEY.ctrl('u'))).toEqual({ value: 'proxy:3128', cursor: 0 });
    expect(typeInto(mid, KEY.ctrl('k'))).toEqual({ value: 'http://', cursor: 7 });
    expect(typeInto(mid, KEY.ctrl('d'))).toEqual({ value: 'http://roxy:3128', cursor: 7 });
    expect(typeInto(start, KEY.ctrl('w'))).toEqual({ value: 'http://proxy:', cursor: 13 });
    expect(typeInto({ value: '', cursor: 0 }, KEY.backspace)).toEqual({ value: '', cursor: 0 });
  });
  it('counts code points: an emoji or a CJK character is one step', () => {
    expect(typeInto({ value: 'a😀b', cursor: 3 }, KEY.left, KEY.backspace)).toEqual({
      value: 'ab',
      cursor: 1,
    });
    expect(typeInto({ value: '代理', cursor: 2 }, KEY.left, 'x')).toEqual({ value: '代x理', cursor: 2 });
  });
  it('keeps control characters out: a pasted "\\t\\r" or an escape inserts nothing of them', () => {
    expect(typeInto({ value: '', cursor: 0 }, 'a\tb\r\u009bc\u0007')).toEqual({ value: 'abc', cursor: 3 });
    expect(editLine(start, '', { return: true })).toBeNull();
    expect(editLine(start, '', { upArrow: true })).toBeNull();
    expect(editLine(start, 'x', { meta: true })).toBeNull();
  });
});

describe('the password mask', () => {
  it('masks each password character and nothing else', () => {
    expect(maskPasswordChars('http://alice:s3cret@proxy.corp:3128')).toBe(
      `http://alice:${MASK.repeat(6)}@proxy.corp:3128`,
    );
    // while typing, before the "@": "user:pa" is a password, "host:3128" a port
    expect(maskPasswordChars('http://alice:s3')).toBe(`http://alice:${MASK.repeat(2)}`);
    expect(maskPasswordChars('http://proxy.corp:3128')).toBe('http://proxy.corp:3128');
    expect(maskPasswordChars('http://[::1]:3128')).toBe('http://[::1]:3128');
    expect(maskPasswordChars('http://alice@proxy:3128')).toBe('http://alice@proxy:3128');
    // Go's url.Parse splits at the last "@": a raw "@" stays in the password
    expect(maskPasswordChars('alice:p@ss@proxy:3128')).toBe(`alice:${MASK.repeat(4)}@proxy:3128`);
    expect(maskPasswordChars('http://bob:🔑ü%40"\\@p:1')).toBe(`http://bob:${MASK.repeat(7)}@p:1`);
  });
  it('masks exactly what the doctor redacts in a whole value (core redactValue)', () => {
    for (const v of [
      'http://alice:s3cret@proxy.corp:3128',
      'https://DOMAIN%5Cuser:pa:ss@proxy:8080',
      'alice:p@ss@proxy:3128',
      'socks5://u:%25%40@h:1080',
      'http://u:x@y@z@h',
      "http://o'brien:it's@h:3128",
    ]) {
      const span = passwordSpan(v);
      expect(span, v).not.toBeNull();
      const cs = Array.from(v);
      const redacted = [...cs.slice(0, span!.start), '***', ...cs.slice(span!.end)].join('');
      expect(redacted, v).toBe(redactValue(v));
    }
  });
});

/** The wizard on the network step, its reducer state followed. */
async function atNetwork() {
  const r = renderApp();
  await waitFor(r.lastFrame, (f) => f.includes('What we found'));
  await press(r.stdin, 'k', KEY.enter);
  await waitFor(r.lastFrame, (f) => f.includes('Your network'));
  return { ...r, answers: () => r.state().answers };
}

describe('the network form', () => {
  it('edits the proxy URL in the middle with ←/→, Home/End and ctrl-a/e', async () => {
    const { stdin, answers, lastFrame } = await atNetwork();
    expect(answers().proxy).toBe('http://proxy.corp.example:3128');
    await press(stdin, KEY.home, ...Array(7).fill(KEY.right), ...'alice:pw@');
    expect(answers().proxy).toBe('http://alice:pw@proxy.corp.example:3128');
    await press(stdin, KEY.end, KEY.backspace, '9', KEY.ctrl('a'), KEY.ctrl('k'), ...'http://p:1');
    expect(answers().proxy).toBe('http://p:1');
    await press(stdin, KEY.homeVt, KEY.right, KEY.endVt, KEY.left, '0');
    expect(answers().proxy).toBe('http://p:01');
    // the cursor is drawn where the next character goes, also without colour
    expect(lastFrame()).toContain('http://p:0\u001B[7m1\u001B[27m');
    await press(stdin, KEY.ctrl('e'));
    expect(lastFrame()).toContain('http://p:01\u001B[7m \u001B[27m');
  });

  it('masks the password per character; ctrl-r shows it in the field only, leaving hides it', async () => {
    const { stdin, answers, lastFrame, frames } = await atNetwork();
    await press(stdin, KEY.ctrl('u'), ...'http://alice:s3cret');
    // no "@" yet: the port reads "s3cret", the note never quotes it
    let f = await waitFor(lastFrame, (x) => x.includes('not a number'));
    expect(f).toContain(`http://alice:${MASK.repeat(6)}`);
    expect(f).toContain('ctrl-r show password');
    await press(stdin, KEY.ctrl('r'));
    f = await waitFor(lastFrame, (x) => x.includes('alice:s3cret'));
    expect(f.split('s3cret')).toHaveLength(2); // once: in the field, not in the note under it
    expect(f).toMatch(/not a number/);
    await press(stdin, ...'@proxy:3128', KEY.ctrl('r'));
    f = await waitFor(lastFrame, (x) => x.includes(`alice:${MASK.repeat(6)}@proxy:3128`));
    expect(answers().proxy).toBe('http://alice:s3cret@proxy:3128');
    // shown, then the focus leaves: hidden again, and it stays hidden when the focus comes back
    await press(stdin, KEY.ctrl('r'));
    await waitFor(lastFrame, (x) => x.includes('alice:s3cret@'));
    await press(stdin, KEY.tab);
    f = await waitFor(lastFrame, (x) => x.includes(`alice:${MASK.repeat(6)}@`));
    expect(f).not.toContain('s3cret');
    expect(f).not.toContain('ctrl-r');
    await press(stdin, KEY.up);
    expect(lastFrame()).not.toContain('s3cret');
    // every frame before the reveal and after it: never the password
    const revealedAt = frames.findIndex((x) => x.includes('s3cret'));
    expect(revealedAt).toBeGreaterThan(0);
    expect(frames.slice(0, revealedAt).some((x) => x.includes('s3cret'))).toBe(false);
  });
});

describe('the build command field', () => {
  function paste() {
    let command = '';
    let next = 0;
    const props = () => ({
      text: '',
      command,
      onChange: () => {},
      onCommand: (c: string) => {
        command = c;
        r.rerender(<PasteScreen {...props()} />);
      },
      onNext: () => next++,
      onBack: () => {},
    });
    const r = render(<PasteScreen {...props()} />);
    return { ...r, command: () => command, next: () => next };
  }

  it('joins a command pasted over lines, edits it in the middle, masks its password per character', async () => {
    const { stdin, lastFrame, command, next } = paste();
    await press(stdin, KEY.tab);
    await press(stdin, 'docker build \\\r  --build-arg HTTPS_PROXY=http://alice:s3cret@proxy:3128 \\\r  .');
    expect(command()).toBe('docker build --build-arg HTTPS_PROXY=http://alice:s3cret@proxy:3128 .');
    expect(next()).toBe(0); // a pasted line break is no enter
    await press(stdin, KEY.home, ...Array(6).fill(KEY.right), ...'x', KEY.ctrl('e'), ...' -t app');
    expect(command()).toBe('dockerx build --build-arg HTTPS_PROXY=http://alice:s3cret@proxy:3128 . -t app');
    let f = await waitFor(lastFrame, (x) => x.includes('-t app'));
    expect(f).toContain(`alice:${MASK.repeat(6)}@proxy`);
    expect(f).not.toContain('s3cret');
    await press(stdin, KEY.ctrl('r'));
    f = await waitFor(lastFrame, (x) => x.includes('alice:s3cret@'));
    await press(stdin, KEY.ctrl('r'));
    await waitFor(lastFrame, (x) => !x.includes('s3cret'));
    await press(stdin, KEY.enter);
    expect(next()).toBe(1);
  });

  it('masks a password still being typed at the end of the command', async () => {
    const { stdin, lastFrame } = paste();
    await press(stdin, KEY.tab, ...'docker build --build-arg HTTPS_PROXY=http://bob:hun');
    const f = await waitFor(lastFrame, (x) => x.includes('bob:'));
    expect(f).toContain(`bob:${MASK.repeat(3)}`);
    expect(f).not.toContain('hun');
  });
});
