// JSON files buildproxy edits (daemon.json, config.json) that it must refuse to touch: the message names the
// place (line:column) and the fix; nothing is rewritten.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson, tooDeep } from '../../src/formats/json-file.js';
import { malformedJson } from '../../src/plan/context.js';
import { jsonEditProblem } from '../../src/plan/json-edit.js';

const CLI_EDIT = ['proxies', 'default', 'httpsProxy'];
const refuse = (text: string) => malformedJson('/f.json', text, [CLI_EDIT]);

describe('edits that are refused', () => {
  const cases: [string, string, RegExp][] = [
    ['top-level array', '[]', /^\/f\.json:1:1: the top-level value is an array/],
    ['top-level null', 'null', /^\/f\.json:1:1: the top-level value is null/],
    ['top-level number', '  42\n', /^\/f\.json:1:3: the top-level value is a number/],
    [
      'proxies twice',
      '{\n  "proxies": {},\n  "proxies": {"default": {}}\n}',
      /:3:3: "proxies" is given 2 times; Go uses only the last/,
    ],
    [
      'default twice',
      '{"proxies": {\n "default": {"httpProxy": "a"},\n "default": {}}}',
      /:3:2: "proxies\.default" is given 2 times/,
    ],
    [
      'proxies a string',
      '{"proxies": "http://p:3128"}',
      /:1:13: "proxies" is a string; it must be an object/,
    ],
    ['proxies an array', '{"proxies": ["x"]}', /:1:13: "proxies" is an array; it must be an object/],
    ['default null', '{"proxies": {"default": null}}', /"proxies\.default" is null; it must be an object/],
    [
      'leaf a number',
      '{"proxies": {"default": {"httpsProxy": 1}}}',
      /"proxies\.default\.httpsProxy" is a number; it must be a string/,
    ],
    [
      'leaf twice',
      '{"proxies": {"default": {"httpsProxy": "a", "httpsProxy": "b"}}}',
      /"proxies\.default\.httpsProxy" is given 2 times/,
    ],
  ];
  for (const [name, text, message] of cases)
    it(name, () => {
      const reason = refuse(text);
      expect(reason).toMatch(message);
      expect(reason).toMatch(/fix the file first/);
    });

  it('duplicates away from the edited path are left alone (Go reads them the same way either way)', () => {
    expect(jsonEditProblem('{"a": 1, "a": 2, "proxies": {}}', CLI_EDIT)).toBeNull();
    expect(jsonEditProblem('{"proxies": {"tcp://h:2376": {}, "tcp://h:2376": {}}}', CLI_EDIT)).toBeNull();
  });

  it('ordinary files, empty and absent ones are editable', () => {
    for (const t of [null, '', '{}', '{"proxies": {"default": {"httpsProxy": "http://p:3128"}}}'])
      expect(jsonEditProblem(t, CLI_EDIT)).toBeNull();
  });
});

describe('nesting', () => {
  it('5000 levels: a parse error with line:column, no stack overflow', () => {
    for (const open of ['[', '{"a":']) {
      const text = `{"x": ${open.repeat(5000)}${(open === '[' ? ']' : '}').repeat(5000)}}`;
      const r = parseStrictJson('/etc/docker/daemon.json', text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      expect(refuse(text)).toMatch(/nested deeper than/);
    }
  });

  it('brackets inside strings do not count', () => {
    expect(tooDeep(`{"a": "${'['.repeat(5000)}"}`)).toBe(-1);
    expect(tooDeep(`{"a": "\\"${'['.repeat(5000)}"}`)).toBe(-1);
    expect(tooDeep('[[[', 2)).toBe(2);
  });
});
