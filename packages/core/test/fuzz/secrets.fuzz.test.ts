// Redaction, terminal escaping and JSON edit checks against generated hostile input. FUZZ_RUNS=10000 under
// `pnpm fuzz`; fewer in the ordinary suite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../src/formats/json-file.js';
import { malformedJson } from '../../src/plan/context.js';
import { maskText, maskValue, redactAll, redactValue } from '../../src/proxy/redact.js';
import { safeForTerminal } from '../../src/terminal.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const opts = { numRuns: RUNS };

// Passwords from the characters that broke the old patterns, around a marker that must never survive.
const HOSTILE_CHARS = [...'\'"`<>%@:/#?&$\t =;,()[]{}\\!*+~^|'];
const hostilePart = fc.array(
  fc.oneof(fc.constantFrom(...HOSTILE_CHARS), fc.constantFrom('a', 'B', '7', 'é')),
  {
    maxLength: 12,
  },
);
const password = fc
  .tuple(hostilePart, hostilePart)
  .map(([a, b]) => `${a.join('')}Zq9${b.join('')}`)
  // "://" inside a password (or "//" right after the user's colon) reads as a new URL: a known limit.
  .filter((pw) => !`:${pw}`.includes('://'));

describe('hostile passwords', () => {
  it('a whole value never shows its password, scheme or not, host or not', () => {
    fc.assert(
      fc.property(
        password,
        fc.constantFrom('http://', 'https://', 'socks5://', ''),
        fc.constantFrom('proxy.corp:3128', ''),
        (pw, scheme, host) => {
          const v = `${scheme}alice:${pw}@${host}`;
          expect(redactValue(v)).not.toContain('Zq9');
          expect(maskValue(v)).not.toContain('Zq9');
        },
      ),
      opts,
    );
  });

  it('in text: a JSON file, a systemd line, a shell-quoted argument, free text', () => {
    const forms = [
      (u: string) => `{"proxies": {"https-proxy": ${JSON.stringify(u)}, "no-proxy": "localhost"}}`,
      (u: string) =>
        `Environment="HTTPS_PROXY=${u.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" "NO_PROXY=x"`,
      (u: string) => `docker buildx create --driver-opt 'env.http_proxy=${u.replace(/'/g, `'\\''`)}' --use`,
      (u: string) => `failed: proxyconnect tcp: ${u}`,
    ];
    fc.assert(
      fc.property(
        password.filter((pw) => !pw.includes('\n')),
        fc.constantFrom(...forms.keys()),
        (pw, f) => {
          const text = forms[f]!(`http://alice:${pw}@proxy.corp:3128`);
          expect(redactAll(text)).not.toContain('Zq9');
          expect(maskText(text)).not.toContain('Zq9');
        },
      ),
      opts,
    );
  });

  it('a base64 auth in a config.json, plain or held in a JSON string', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.constantFrom('auth', 'Auth', 'identitytoken', 'registrytoken', 'password'),
        (secret, key) => {
          const value = Buffer.from(`alice:Zq9${secret}`).toString('base64');
          const file = JSON.stringify({ auths: { r: { [key]: value } }, note: secret }, null, 2);
          for (const text of [file, JSON.stringify({ after: file })]) {
            expect(redactAll(text)).not.toContain(value);
            expect(maskText(text)).not.toContain(value);
          }
        },
      ),
      opts,
    );
  });
});

describe('bounded work on long hostile runs', () => {
  const token = fc.constantFrom(
    'a',
    'Z9',
    '://',
    '@',
    ':',
    '"',
    '\\',
    "'",
    ' ',
    '\n',
    '"auth":',
    '\\"',
    '%4',
    '\x1b[',
    '\u009b',
  );
  const long = fc.array(token, { minLength: 200, maxLength: 3000 }).map((t) => t.join(''));
  it('redactAll, maskText and safeForTerminal touch each character a bounded number of times', () => {
    fc.assert(
      fc.property(long, (text) => {
        for (const scan of [
          (c: { ops: number }) => redactAll(text, c),
          (c: { ops: number }) => maskText(text, c),
          (c: { ops: number }) => safeForTerminal(text, {}, c),
        ]) {
          const c = { ops: 0 };
          scan(c);
          expect(c.ops).toBeLessThanOrEqual(text.length * 12 + 50);
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 10)) },
    );
  });

  it('safeForTerminal leaves no control character but newline and tab', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        for (const ch of safeForTerminal(s)) {
          const c = ch.charCodeAt(0);
          expect((c < 0x20 && c !== 10 && c !== 9) || (c >= 0x7f && c <= 0x9f)).toBe(false);
        }
      }),
      opts,
    );
  });
});

describe('hostile JSON files', () => {
  const jsonish = fc.oneof(
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.integer({ min: 1, max: 6000 }).map((d) => `{"proxies": ${'['.repeat(d)}${']'.repeat(d)}}`),
    fc.tuple(fc.json(), fc.json()).map(([a, b]) => `{"proxies": ${a}, "proxies": ${b}}`),
    fc.json().map((v) => `{"proxies": {"default": ${v}, "default": {}}}`),
    fc.uint8Array({ maxLength: 100 }).map((b) => `{"x": "${Buffer.from(b).toString('latin1')}"}`),
  );
  it('never throws; a file is either editable or refused with path:line:column', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        parseStrictJson('/f.json', text);
        const r = malformedJson('/f.json', text, [
          ['proxies', 'default', 'httpsProxy'],
          ['proxies', 'https-proxy'],
        ]);
        if (r !== null) expect(r).toMatch(/^\/f\.json:\d+:\d+: /);
      }),
      opts,
    );
  });
});
