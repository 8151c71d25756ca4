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
