import { describe, expect, it } from 'vitest';
import { maskPassword, maskText, redactAll } from '../../src/proxy/redact.js';

describe('redaction', () => {
  it('shows *** for the password in display output', () => {
    expect(redactAll('proxy http://alice:s3cret@proxy:3128 here')).toBe(
      'proxy http://alice:***@proxy:3128 here',
    );
  });

  it('covers an unencoded @ in the password', () => {
    expect(redactAll('http://alice:p@ss@proxy:3128')).toBe('http://alice:***@proxy:3128');
  });

  it('redacts scheme-less values and KEY=value text', () => {
    expect(redactAll('alice:secret@proxy:3128')).toBe('alice:***@proxy:3128');
    expect(redactAll('HTTPS_PROXY=alice:secret@proxy:3128')).toBe('HTTPS_PROXY=alice:***@proxy:3128');
  });

  it("leaves docker's own mask alone", () => {
    expect(redactAll('http://xxxxx:xxxxx@proxy:3128')).toBe('http://xxxxx:xxxxx@proxy:3128');
  });

  it('capture masking keeps punctuation and escapes, drops letters and digits', () => {
    expect(maskPassword('p%40ss!w0rd')).toBe('*%40**!****');
    expect(maskPassword('a%%23b')).toBe('*%%23*');
    expect(maskText('Environment="HTTP_PROXY=http://alice:p%%40ss@proxy:3128"')).toBe(
      'Environment="HTTP_PROXY=http://alice:*%%40**@proxy:3128"',
    );
  });
});

// cntlm.conf holds its secrets as config lines (cntlm(1): Password, PassNT, PassLM, PassNTLMv2); Debian's sample
// file ships "Password	password". Found leaking into captures and plan diffs by the NTLM e2e scenario.
describe("cntlm.conf's password lines", () => {
  const conf = [
    '# cntlm.conf',
    'Username\talice',
    'Domain\t\tCORP',
    'Password\tpassword',
    'PassNTLMv2      D5826E9C665C37C80B53397D5C07BBCB',
    'passlm 4C9F6F1D0E7C0D5E  ',
    '  PassNT\tp@ss "q" \\ %41 é\r',
    'Proxy\t\tproxy.corp:3128',
  ].join('\n');

  it('masks every secret keyword, any case, and keeps the other lines', () => {
    const shown = redactAll(conf);
    for (const secret of ['password\n', 'D5826E9C', '4C9F6F1D', 'p@ss', '%41', 'é']) {
      expect(shown).not.toContain(secret);
    }
    expect(shown).toContain('Password\t***');
    expect(shown).toContain('PassNTLMv2      ***');
    expect(shown).toContain('Username\talice');
    expect(shown).toContain('Proxy\t\tproxy.corp:3128');
    const masked = maskText(conf);
    expect(masked).toContain('PassNTLMv2      ********************************');
    expect(masked).toContain('  PassNT\t*@** "*" \\ * *\r'); // %41 is a letter, masked like one
    expect(masked).not.toContain('D5826E9C');
  });

  it("masks them in a unified diff's added and removed lines", () => {
    const diff =
      '--- /etc/cntlm.conf\n+++ /etc/cntlm.conf\n-Password\told-secret\n+PassNTLMv2 ABCDEF0123\n Domain CORP';
    const shown = redactAll(diff);
    expect(shown).not.toContain('old-secret');
    expect(shown).not.toContain('ABCDEF0123');
    expect(shown).toContain('-Password\t***');
    expect(shown).toContain('+PassNTLMv2 ***');
  });

  it('leaves a sentence that only mentions the word, and a keyword with no value', () => {
    expect(redactAll('wrong Password given')).toBe('wrong Password given');
    expect(redactAll('PasswordFile /x')).toBe('PasswordFile /x');
    expect(redactAll('Password\n')).toBe('Password\n');
  });
});
