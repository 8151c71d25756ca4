// Text from outside cannot drive the terminal.
import { describe, expect, it } from 'vitest';
import { safeForTerminal } from '../../src/terminal.js';

const ATTACKS = {
  'OSC 52 clipboard write': '\x1b]52;c;ZWNobyBwd25lZA==\x07',
  'clear screen': '\x1b[2J\x1b[H',
  'window title (OSC 0, ST-terminated)': '\x1b]0;owned\x1b\\',
  'C1 CSI (8-bit)': '\u009b2J',
  'C1 OSC (8-bit)': '\u009d0;owned\u009c',
  'carriage return overwriting the line': 'all good\rFAKE',
  backspaces: 'secret\b\b\b\b\b\b',
  'bell and DEL': '\x07\x7f',
  'bidi override': 'evil\u202etxt.exe',
  'hidden text': '\x1b[8mhidden\x1b[0m',
};

describe('safeForTerminal', () => {
  for (const [name, attack] of Object.entries(ATTACKS))
    it(`escapes ${name}`, () => {
      const out = safeForTerminal(`before ${attack} after`);
      for (const ch of out) {
        const c = ch.charCodeAt(0);
        const control = (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
        expect(control, `control character U+${c.toString(16)} left in ${JSON.stringify(out)}`).toBe(false);
      }
      expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(out.startsWith('before ')).toBe(true);
      expect(out.endsWith(' after')).toBe(true);
    });

  it('leaves ordinary text, newlines and tabs alone', () => {
    const text = 'line 1\n\tline 2 — ünïcödé ✓';
    expect(safeForTerminal(text)).toBe(text);
  });

  it('shows escaped characters readably', () => {
    expect(safeForTerminal('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(safeForTerminal('a\u202eb')).toBe('a\\u202eb');
  });

  it('keeps exactly the colour sequences it is told to, nothing else', () => {
    const keep = new Set(['31', '39']);
    expect(safeForTerminal('\x1b[31mred\x1b[39m', { keepSgr: keep })).toBe('\x1b[31mred\x1b[39m');
    expect(safeForTerminal('\x1b[8mx\x1b[2J', { keepSgr: keep })).toBe('\\x1b[8mx\\x1b[2J');
  });
});
