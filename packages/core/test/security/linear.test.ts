// Bounded work on hostile text, proved without a clock: the scanners that read untrusted text use no regular
// expressions at all and count the characters they touch, and every other regular expression in the product has
// no nested quantifier (the shape behind exponential backtracking). Wall-clock figures live in `pnpm bench`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { maskText, redactAll, redactValue, type ScanCounter } from '../../src/proxy/redact.js';
import { safeForTerminal } from '../../src/terminal.js';

const PACKAGES = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(n) ? [p] : [];
  });
}

interface Found {
  file: string;
  line: number;
  source: string;
}

function regexesIn(file: string): { literals: Found[]; constructed: Found[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: Found[] = [];
  const constructed: Found[] = [];
  const at = (node: ts.Node) => ({
    file: relative(PACKAGES, file),
    line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    source: node.getText(),
  });
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push(at(node));
    if (ts.isIdentifier(node) && node.text === 'RegExp') constructed.push(at(node));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { literals, constructed };
}

/**
 * A quantified group that itself contains a quantifier — (a+)+, (?:x*y)*, ([^"]|\\.)+? with an inner + — lets a
 * backtracking engine try exponentially many splits. Character classes and escapes are skipped.
 */
export function nestedQuantifier(source: string): boolean {
  const body = source.slice(1, source.lastIndexOf('/'));
  const stack: boolean[] = []; // per open group: holds a quantifier
  let lastGroupHadQuantifier = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === '[') {
      for (i++; i < body.length && body[i] !== ']'; i++) if (body[i] === '\\') i++;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      continue;
    }
    if (c === ')') {
      lastGroupHadQuantifier = stack.pop() ?? false;
      if (lastGroupHadQuantifier && stack.length) stack[stack.length - 1] = true;
      continue;
    }
    const quantifier = c === '*' || c === '+' || (c === '{' && /^\{\d+,\d*\}/.test(body.slice(i)));
    if (quantifier) {
      if (lastGroupHadQuantifier) return true;
      if (stack.length) stack[stack.length - 1] = true;
    }
    if (c !== '?' && c !== '*' && c !== '+' && c !== '{' && c !== '}' && !/\d|,/.test(c ?? ''))
      lastGroupHadQuantifier = false;
  }
  return false;
}

describe('no backtracking-prone regular expression over untrusted text', () => {
  const files = [...sources(join(PACKAGES, 'core/src')), ...sources(join(PACKAGES, 'tui/src'))];

  it('the analysis itself catches the shapes it bans', () => {
    expect(nestedQuantifier('/(a+)+$/')).toBe(true);
    expect(nestedQuantifier('/(?:x*y)*/')).toBe(true);
    expect(nestedQuantifier('/((ab)+c)*/')).toBe(true);
    expect(nestedQuantifier('/((?:[^"\\\\]|\\\\.)*)"/')).toBe(false);
    expect(nestedQuantifier('/^(\\d+)\\.(\\d+)$/')).toBe(false);
    expect(nestedQuantifier('/[(+*)]+/')).toBe(false);
  });

  it('no regular expression in core or tui nests quantifiers', () => {
    const offenders = files.flatMap((f) => regexesIn(f).literals).filter((r) => nestedQuantifier(r.source));
    expect(offenders).toEqual([]);
  });

  it('the scanners for secrets and terminal text hold no regular expression at all', () => {
    for (const f of ['core/src/proxy/redact.ts', 'core/src/terminal.ts', 'core/src/evidence/mask.ts']) {
      const { literals, constructed } = regexesIn(join(PACKAGES, f));
      expect([...literals, ...constructed]).toEqual([]);
    }
  });
});

// Inputs shaped after the attacks that made the old patterns quadratic, and after each scanner's own loops.
const FAMILIES: Record<string, (n: number) => string> = {
  letters: (n) => 'a'.repeat(n),
  'a://': (n) => 'a://'.repeat(n / 4),
  'a@': (n) => 'a@'.repeat(n / 2),
  ':@': (n) => ':@'.repeat(n / 2),
  'user:pw@ run': (n) => `http://u:${'p@'.repeat(n / 2)}`,
  'scheme-less': (n) => `x=${'u:p'.repeat(n / 3)}@h`,
  quotes: (n) => '"a\\"'.repeat(n / 4),
  'json keys': (n) => '"auth":"'.repeat(n / 8),
  'long label': (n) => `{"Labels":["x=${'b'.repeat(n)}"],"HttpsProxy":"http://u:${'c'.repeat(n)}@h"}`,
  'escape runs': (n) => '\x1b['.repeat(n / 2),
};

function ops(f: (t: string, c: ScanCounter) => unknown, text: string): number {
  const c = { ops: 0 };
  f(text, c);
  return c.ops;
}

describe('the scanners do work linear in their input', () => {
  const scanners: Record<string, (t: string, c: ScanCounter) => unknown> = {
    redactAll: (t, c) => redactAll(t, c),
    maskText: (t, c) => maskText(t, c),
    safeForTerminal: (t, c) => safeForTerminal(t, {}, c),
  };
  for (const [name, scan] of Object.entries(scanners))
    for (const [family, make] of Object.entries(FAMILIES))
      it(`${name} on ${family}`, () => {
        const small = ops(scan, make(4_000));
        const large = ops(scan, make(64_000));
        // 16× the input: linear work grows about 16×, quadratic work 256×.
        expect(large).toBeLessThanOrEqual(small * 16 * 1.25 + 100);
        expect(large).toBeLessThanOrEqual(make(64_000).length * 12);
      });

  it('redactValue on a 100 KB value', () => {
    const v = `http://u:${'x'.repeat(100_000)}@h`;
    expect(redactValue(v)).toBe('http://u:***@h');
  });
});
