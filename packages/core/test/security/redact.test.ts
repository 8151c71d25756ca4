// Passwords made of what people really type, in every form they reach buildproxy: masked whatever they hold.
import { describe, expect, it } from 'vitest';
import { maskPassword, maskText, maskValue, redactAll, redactValue } from '../../src/proxy/redact.js';

// Each password holds a letter run ("Zq9") that must never survive, around the characters that broke the old
// patterns (quotes, backtick, <, tab, space, %, @ : / # ? & $).
const HOSTILE = [
  "Zq9'x",
  'Zq9"x',
  'Zq9`x',
  'Zq9<x>',
  'Zq9\tx',
  'Zq9 x y',
  'Zq9%x',
  'Zq9@:/#?&$x',
  `Zq9'"\`<>%@:/#?&$\t x`,
];

// How each password appears in the world around it: the text forms are escaped as their format requires.
const jsonString = (pw: string) => JSON.stringify(`http://alice:${pw}@proxy.corp:3128`);
const shQuoted = (pw: string) =>
  `'env.HTTPS_PROXY=http://alice:${pw.replace(/'/g, `'\\''`)}@proxy.corp:3128'`;
const systemd = (pw: string) =>
  `Environment="HTTPS_PROXY=http://alice:${pw.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}@proxy.corp:3128"`;
const TEXT_FORMS: ((pw: string) => string)[] = [
  (pw) => `proxy http://alice:${pw}@proxy.corp:3128`,
  (pw) => `{"proxies": {"https-proxy": ${jsonString(pw)}, "http-proxy": ${jsonString(pw)}}}`,
  (pw) => `docker buildx create --driver-opt ${shQuoted(pw)} --driver-opt ${shQuoted(pw)} --use`,
  (pw) => `[Service]\n${systemd(pw)}\n`,
  (pw) => `HTTPS_PROXY=http://alice:${pw}@proxy.corp:3128\nNO_PROXY=localhost`,
  (pw) => `lookup http://alice:${pw}@: no such host`, // a URL with no host
];

describe('hostile passwords are masked in text', () => {
  for (const pw of HOSTILE)
    for (const [i, form] of TEXT_FORMS.entries())
      it(`form ${i}: ${JSON.stringify(pw)}`, () => {
        const text = form(pw);
        expect(redactAll(text)).not.toContain('Zq9');
        expect(maskText(text)).not.toContain('Zq9');
        expect(redactAll(text)).toContain('alice:***@');
        // Redacting twice changes nothing.
        expect(redactAll(redactAll(text))).toBe(redactAll(text));
        expect(maskText(maskText(text))).toBe(maskText(text));
      });

  it('one whole value: the password runs to its last "@", scheme or not', () => {
    for (const pw of HOSTILE) {
      for (const v of [`http://alice:${pw}@proxy:3128`, `alice:${pw}@proxy:3128`, `http://alice:${pw}@`]) {
        expect(redactValue(v)).not.toContain('Zq9');
        expect(maskValue(v)).not.toContain('Zq9');
      }
    }
    expect(redactValue('http://alice:p w@proxy:3128')).toBe('http://alice:***@proxy:3128');
  });

  it('scheme-less user:password@host in free text', () => {
    expect(redactAll('HTTPS_PROXY=alice:Zq9@proxy:3128')).toBe('HTTPS_PROXY=alice:***@proxy:3128');
    expect(redactAll("HTTPS_PROXY=alice:Zq9'=(,;x@proxy:3128")).toBe('HTTPS_PROXY=alice:***@proxy:3128');
  });

  it('keeps what is no secret: hosts, ports, docker info mask, JSON around a URL', () => {
    expect(redactAll('http://proxy.corp:3128 and user@example.com')).toBe(
      'http://proxy.corp:3128 and user@example.com',
    );
    expect(redactAll('http://xxxxx:xxxxx@proxy:3128')).toBe('http://xxxxx:xxxxx@proxy:3128');
    const info = '{"HttpProxy":"http://proxy:3128","Labels":["maintainer=a@b.c"],"Name":"x:y"}';
    expect(redactAll(info)).toBe(info);
    expect(maskText(info)).toBe(info);
  });
});

describe('registry credentials of a Docker config.json', () => {
  const auth = Buffer.from('alice:Zq9secret').toString('base64');
  const config = `{\n  "auths": {\n    "registry.corp": {\n      "auth": "${auth}",\n      "identitytoken": "Zq9tok"\n    },\n    "r2": {"Auth" : "${auth}", "registrytoken":"Zq9rt", "password": "Zq9pw"}\n  },\n  "note": "a \\"quoted\\" value",\n  "credsStore": "desktop"\n}`;
  it('auth, identitytoken, registrytoken and password values are masked, the rest stays', () => {
    for (const out of [redactAll(config), maskText(config)]) {
      expect(out).not.toContain(auth);
      expect(out).not.toContain('Zq9');
      expect(out).toContain('"credsStore": "desktop"');
      expect(JSON.parse(out).auths['registry.corp']).toBeDefined(); // still JSON
    }
  });
  it('an escaped quote earlier in the file does not shift the scan past a credential', () => {
    const tricky = `{"x": "a\\"", "auths": {"r": {"auth": "${auth}"}}}`;
    expect(redactAll(tricky)).not.toContain(auth);
  });
});

describe('capture masking', () => {
  it('keeps punctuation and escapes of punctuation, drops letters, digits and escapes of them', () => {
    expect(maskPassword('p%40ss!w0rd')).toBe('*%40**!****');
    expect(maskPassword('a%%23b')).toBe('*%%23*');
    expect(maskPassword('%5A%71%39')).toBe('***'); // "Zq9" fully percent-encoded
    expect(maskPassword('%C3%A9t%c3%a9')).toBe('*****'); // non-ASCII, encoded or not
    expect(maskPassword('été')).toBe('***');
    expect(maskText('Environment="HTTP_PROXY=http://alice:p%%40ss@proxy:3128"')).toBe(
      'Environment="HTTP_PROXY=http://alice:*%%40**@proxy:3128"',
    );
  });
});
