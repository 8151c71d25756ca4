// What the fuzz suite found in the build-command and compose readers, pinned: sh's continuation lines and \` in
// "…" (shell-quote differs from /bin/sh there), shell-quote's own exceptions, and compose files that crash the
// yaml library (1 000 "[" overflow its stack; 10 000 abort node: "RegExpCompiler Allocation failed").
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeBuildArgs, MAX_FLOW_DEPTH, nestingProblem } from '../../src/command/compose.js';
import { parseBuildCommand } from '../../src/command/parse.js';
import { CommandError, shellPrepass, shellWords } from '../../src/command/tokenize.js';

const sh = (line: string) =>
  execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);

describe('shell words as /bin/sh splits them', () => {
  it.each([
    ["'a\\\nb' c", 'a backslash-newline inside single quotes stays'],
    ['a\\\nb c', 'a continuation line joins with no space'],
    ['"a\\\nb" c', 'and inside double quotes'],
    ['"\\`a" b', 'a backslash before ` in double quotes goes'],
    ["'\\`' x", 'but not in single quotes'],
    ["'it''s' x", 'adjacent quoted parts make one word'],
  ])('%j: %s', (line) => {
    expect(shellWords(line, {})[0]).toEqual(sh(line));
  });

  it('a continuation line pasted with CRLF still joins', () => {
    expect(shellWords('buildctl \\\r\n build', {})[0]).toEqual(['buildctl', 'build']);
  });

  it("shell-quote's own refusal is a CommandError naming it", () => {
    expect(() => parseBuildCommand('buildctl build --opt build-arg:X=${', {})).toThrow(CommandError);
    expect(() => shellWords('echo ${', {})).toThrow(
      /cannot be split into words as a shell would: Bad substitution/,
    );
  });

  it('the prepass counts one step per character', () => {
    const n = { ops: 0 };
    const text = `'a\\\n'"\\\``.repeat(1000);
    shellPrepass(text, n);
    expect(n.ops).toBeLessThanOrEqual(text.length);
  });
});

describe('compose files the yaml library must not see', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['flow brackets', '['.repeat(10_000)],
    ['flow maps', `services: ${'{a: '.repeat(5_000)}`],
    ['hidden after a closed quote', `x: ${'[ "]" '.repeat(100)}`],
    ["hidden after '' in single quotes", `x: ${"[ 'a'']' ".repeat(100)}`],
    ['hidden behind an apostrophe in a plain scalar', `a: it's\nb: ${'['.repeat(100)}`],
    ['indentation', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
  ])('%s: refused before parsing, with the reason', (_, text) => {
    expect(nestingProblem(text)).toMatch(/deeper than/);
    expect(() => composeBuildArgs(text, {})).toThrow(/deeper than/);
  });

  it('real compose files pass: quotes, apostrophes, comments with brackets, flow lists', () => {
    const text = `# it's a [test] {file}
services:
  app:
    image: "x:1" # ports: [[[[
    ports: ["80:80", '443:443']
    labels: {a: "]]]]", b: 'it''s [ ['}
    command: echo it's [fine]
    build:
      args:
        - HTTPS_PROXY=\${HTTPS_PROXY}
`;
    expect(nestingProblem(text)).toBeNull();
    expect(composeBuildArgs(text, { HTTPS_PROXY: 'http://p:3128' })).toEqual([
      { service: 'app', args: [{ name: 'HTTPS_PROXY', value: 'http://p:3128' }] },
    ]);
    const nested = `x: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}\n`;
    expect(nestingProblem(nested)).toBeNull();
  });

  it('an unknown !tag prints no warning (the file text would reach stderr unfiltered)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    composeBuildArgs('services:\n  a: !evil x\n', {});
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('the Dockerfile a buildctl command sends', () => {
  it.each([
    ['--local dockerfile=app --opt filename=Prod.Dockerfile', 'app/Prod.Dockerfile'],
    ['--local=dockerfile=/src/ --local context=.', '/src/Dockerfile'],
    ['--opt filename=x --local dockerfile=.', './x'],
    ['--local context=.', null],
  ])('%s → %s', (flags, path) => {
    expect(parseBuildCommand(`buildctl build --frontend dockerfile.v0 ${flags}`, {}).dockerfile).toBe(path);
  });
});
