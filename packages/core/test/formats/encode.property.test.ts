import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  envFileLine,
  parseCsvLine,
  shQuote,
  shUnquote,
  systemdAssignment,
} from '../../src/formats/encode.js';
import {
  environmentFromAssignments,
  parseEnvironmentFile,
  parseUnitFile,
} from '../../src/formats/systemd.js';
import { setJsonPath } from '../../src/plan/json-edit.js';

// Hostile values: newlines, quotes, %, $, backticks, backslashes, spaces, unicode, long lists.
const hostile = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc
      .array(
        fc.constantFrom(
          '%',
          '%%',
          '"',
          "'",
          '$',
          '`',
          '\\',
          ' ',
          '\n',
          '\t',
          ',',
          '=',
          'é',
          '🙂',
          'a',
          '#',
          ';',
        ),
        { maxLength: 40 },
      )
      .map((a) => a.join('')),
    fc.array(fc.domain(), { maxLength: 200 }).map((a) => a.join(',')),
  )
  .filter((s) => !s.includes('\0'));

describe('every generated artefact parses back to exactly the value', () => {
  it('systemd Environment= (specifiers, quoting, C escapes)', () => {
    fc.assert(
      fc.property(hostile, (v) => {
        const unit = `[Service]\nEnvironment=${systemdAssignment('HTTPS_PROXY', v)}\n`;
        const { vars, problems } = environmentFromAssignments(parseUnitFile('/x.conf', unit));
        // "quoting" is a lint for values that look like several assignments; the value itself must survive.
        expect(problems.filter((p) => p.kind !== 'quoting')).toEqual([]);
        expect(vars.get('HTTPS_PROXY')?.value).toBe(v);
      }),
      { numRuns: 500 },
    );
  });

  it('EnvironmentFile= lines', () => {
    fc.assert(
      fc.property(
        hostile.filter((s) => !/[\r\n]/.test(s)),
        (v) => {
          const { vars } = parseEnvironmentFile('/x.env', `${envFileLine('NO_PROXY', v)}\n`);
          expect(vars.get('NO_PROXY')?.value).toBe(v);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('POSIX sh, by running a real sh', () => {
    const values = fc.sample(hostile, { numRuns: 120, seed: 42 });
    const script = values.map((v, i) => `V${i}=${shQuote(v)}; printf '%s\\0' "$V${i}"`).join('\n');
    const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(values);
  });

  it('shUnquote reads back every value shQuote wrote', () => {
    fc.assert(
      fc.property(hostile, (v) => {
        expect(shUnquote(shQuote(v))).toBe(v);
      }),
      { numRuns: 1000 },
    );
    // and what sh itself makes of words we did not write: quotes joined, a backslash-escaped quote
    expect(shUnquote(`'a'\\''b'`)).toBe("a'b");
    expect(shUnquote('plain')).toBe('plain');
  });

  it("CSV fields the way buildx reads --driver-opt (Go's encoding/csv)", () => {
    fc.assert(
      fc.property(hostile, (v) => {
        expect(parseCsvLine(csvField(`env.NO_PROXY=${v}`))).toEqual([`env.NO_PROXY=${v}`]);
      }),
      { numRuns: 500 },
    );
  });

  it('JSON edits keep every other key and its order, and are idempotent', () => {
    const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'proxies' && k !== '__proto__');
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        hostile,
        (existing, v) => {
          const text = `${JSON.stringify(existing, null, 2)}\n`;
          const once = setJsonPath(text, ['proxies', 'https-proxy'], v);
          const parsed = JSON.parse(once);
          expect(parsed.proxies['https-proxy']).toBe(v);
          const { proxies: _p, ...rest } = parsed;
          expect(Object.keys(rest)).toEqual(Object.keys(existing));
          expect(JSON.stringify(rest)).toBe(JSON.stringify(existing));
          expect(setJsonPath(once, ['proxies', 'https-proxy'], v)).toBe(once);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('TOML round trip through the library', () => {
    fc.assert(
      fc.property(hostile, (v) => {
        const doc = { registry: { 'docker.io': { ca: [v] } } };
        expect((parseToml(stringifyToml(doc)) as typeof doc).registry['docker.io'].ca[0]).toBe(v);
      }),
      { numRuns: 200 },
    );
  });
});
