// maskEachChar: the wizard's fields show secrets one "•" per character. It must hide exactly what redactAll hides
// (same scanner), keep the text's length in code points (a cursor over it keeps its place), and be idempotent.
import { describe, expect, it } from 'vitest';
import { maskEachChar, redactAll } from '../../src/proxy/redact.js';

const SAMPLES = [
  'buildctl build --opt build-arg:HTTPS_PROXY=http://alice:s3cret@proxy.corp:3128 --local context=.',
  'docker build --build-arg "HTTP_PROXY=http://DOMAIN%5Cbob:p%40ss%25w0rd@proxy:8080" .',
  "docker build --build-arg HTTPS_PROXY='http://o'\\''brien:ü🔑\"x@proxy:3128' .",
  'HTTPS_PROXY=socks5h://u:pa:ss@h:1080 docker compose build',
  '{"auths":{"registry.corp":{"auth":"YWxpY2U6czNjcmV0"}}}',
  'Password = hunter2\nPassNTLMv2 = 0123456789ABCDEF0123456789ABCDEF',
  'no secret here: http://proxy.corp:3128 and a@b.c',
];

/** The text with each secret cut out, as a reader of the screen sees what is left. */
const visible = (masked: string, secret: string) => masked.includes(secret);

describe('maskEachChar', () => {
  it('keeps the length in code points and hides each secret redactAll hides', () => {
    for (const t of SAMPLES) {
      const m = maskEachChar(t);
      expect(Array.from(m).length, t).toBe(Array.from(t).length);
      // where redactAll put "***", maskEachChar put as many "•" as the secret had characters
      const stars = redactAll(t).split('***');
      const fromBullets = m.split(/•+/);
      expect(fromBullets, t).toEqual(stars);
      expect(maskEachChar(m), t).toBe(m);
    }
  });

  it('never shows the password it masks', () => {
    for (const [t, secret] of [
      [SAMPLES[0]!, 's3cret'],
      [SAMPLES[1]!, 'p%40ss%25w0rd'],
      [SAMPLES[3]!, 'pa:ss'],
      [SAMPLES[4]!, 'YWxpY2U6czNjcmV0'],
    ] as const) {
      expect(visible(maskEachChar(t), secret), t).toBe(false);
    }
    expect(maskEachChar(SAMPLES[6]!)).toBe(SAMPLES[6]);
  });
});
