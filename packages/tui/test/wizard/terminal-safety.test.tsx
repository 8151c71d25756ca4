// The wizard's frames show a hostile pasted error escaped: no OSC 52, no clear screen, no title change.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { PasteScreen } from '../../src/wizard/screens/paste.js';

describe('wizard frames', () => {
  it('a pasted error with escape sequences is shown escaped', () => {
    const text = 'proxyconnect tcp: \x1b]52;c;cm0gLXJmIH4K\x07\x1b[2J\x1b]0;owned\x1b\\\u009b2J no such host';
    const { lastFrame } = render(
      <PasteScreen text={text} onChange={() => {}} onNext={() => {}} onBack={() => {}} />,
    );
    const f = lastFrame() ?? '';
    expect(f).toContain('\\x1b]52');
    expect(f).not.toContain('\x1b]');
    expect(f).not.toContain('\x1b[2J');
    expect(f).not.toContain('\x07');
    expect(f).not.toContain('\u009b');
  });
});
