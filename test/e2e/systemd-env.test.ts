// The e2e suite's own reading of systemd's Environment= rules, checked on systemd.exec(5)'s examples
// (https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Environment=) and on the quoting,
// escaping and specifier cases systemd documents, so the e2e does not lean on the product's parser.
import { describe, expect, it } from 'vitest';
import { serviceEnvironment, words } from './systemd-env.js';

describe('serviceEnvironment (independent of the product)', () => {
  it('systemd.exec(5): Environment="VAR1=word1 word2" VAR2=word3 "VAR3=$word 5 6"', () => {
    expect(
      serviceEnvironment(['[Service]\nEnvironment="VAR1=word1 word2" VAR2=word3 "VAR3=$word 5 6"\n']),
    ).toEqual({ VAR1: 'word1 word2', VAR2: 'word3', VAR3: '$word 5 6' });
  });
  it('systemd.exec(5): Environment="ONE=one" \'TWO=two two\' and an empty assignment resets the list', () => {
    expect(serviceEnvironment(['[Service]\nEnvironment="ONE=one" \'TWO=two two\'\n'])).toEqual({
      ONE: 'one',
      TWO: 'two two',
    });
    expect(serviceEnvironment(['[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n'])).toEqual({
      B: '2',
    });
  });
  it('%% is a literal percent; later files override earlier ones; other sections are ignored', () => {
    expect(
      serviceEnvironment([
        '[Unit]\nEnvironment=X=unit\n[Service]\nEnvironment="HTTP_PROXY=http://u:p%%40ss@proxy:3128"\n',
        '# drop-in\n[Service]\nEnvironment=NO_PROXY=localhost,.corp\n',
      ]),
    ).toEqual({ HTTP_PROXY: 'http://u:p%40ss@proxy:3128', NO_PROXY: 'localhost,.corp' });
    expect(() => serviceEnvironment(['[Service]\nEnvironment=A=%n\n'])).toThrow(/specifier/);
  });
  it('C escapes inside and outside quotes, mid-word quotes, continuation lines, invalid names ignored', () => {
    expect(words('"a\\"b" c\\x41 d\\s e"f g"h \'\\101\'')).toEqual(['a"b', 'cA', 'd ', 'ef gh', 'A']);
    expect(serviceEnvironment(['[Service]\nEnvironment=A=1 \\\n  B=2\nEnvironment=1X=3 -Y=4 Z\n'])).toEqual({
      A: '1',
      B: '2',
    });
    expect(() => words('"open')).toThrow(/unterminated/);
    expect(() => words('bad\\q')).toThrow(/invalid escape/);
  });
});
