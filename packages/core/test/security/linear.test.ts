// Bounded work on hostile text, proved without a clock: the scanners that read untrusted text use no regular
// expressions at all and count the characters they touch, and every other regular expression in the product has
// no nested quantifier (the shape behind exponential backtracking). Wall-clock figures live in `pnpm bench`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { nestingProblem } from '../../src/command/compose.js';
import { shellPrepass } from '../../src/command/tokenize.js';
import { maskText, redactAll, redactValue, type ScanCounter } from '../../src/proxy/redact.js';
import { safeForTerminal } from '../../src/terminal.js';
import { readError } from '../../src/why/index.js';

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

/** Whether character class source `cls` (without brackets), or an escape like \w, can match the character c. */
function classMatches(cls: string, c: string): boolean {
  if (cls.startsWith('^')) return true; // negated: assume it can
  for (let i = 0; i < cls.length; i++) {
    let ch = cls[i]!;
    if (ch === '\\') {
      const e = cls[++i]!;
      if (e === 'w' && /\w/.test(c)) return true;
      if (e === 'd' && /\d/.test(c)) return true;
      if (e === 's' && /\s/.test(c)) return true;
      if ('WDSbB'.includes(e)) return true;
      ch = e;
    }
    if (cls[i + 1] === '-' && i + 2 < cls.length) {
      if (c >= ch && c <= cls[i + 2]!) return true;
      i += 2;
    } else if (ch === c) return true;
  }
  return false;
}

/**
 * A repeated group led by a literal separator that nothing inside it can match — "( [\w.]+)*", "(,[a-z]+)*" —
 * splits the input one way only: no backtracking blow-up.
 */
function separatorLed(group: string): boolean {
  const inner = group.replace(/^\?:/, '');
  const sep = inner[0];
  if (!sep || '\\[(.|'.includes(sep) || '*+?{'.includes(inner[1] ?? '')) return false;
  const body = inner.slice(1);
  // Outside its classes and escapes the body must hold no ".", no alternative and not the separator itself.
  const bare = body.replace(/\[(?:[^\]\\]|\\.)*\]|\\./g, '');
  if (bare.includes('.') || bare.includes('|') || bare.includes(sep)) return false;
  const classes = [...body.matchAll(/\[((?:[^\]\\]|\\.)*)\]|\\([wdsWDS])/g)];
  return classes.every((m) => !classMatches(m[1] ?? `\\${m[2]}`, sep));
}

/**
 * A quantified group that itself contains a quantifier — (a+)+, (?:x*y)*, ([^"]|\\.)+? with an inner + — lets a
 * backtracking engine try exponentially many splits. Character classes and escapes are skipped.
 */
export function nestedQuantifier(source: string): boolean {
  const body = source.slice(1, source.lastIndexOf('/'));
  const stack: boolean[] = []; // per open group: holds a quantifier
  const opens: number[] = [];
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
      opens.push(i);
      continue;
    }
    if (c === ')') {
      const open = opens.pop() ?? 0;
      lastGroupHadQuantifier = (stack.pop() ?? false) && !separatorLed(body.slice(open + 1, i));
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
    // A separator the group's classes cannot match makes the split unique.
    expect(nestedQuantifier('/^[a-z0-9_./-]+(,[a-z0-9_./-]+)*$/')).toBe(false);
    expect(nestedQuantifier('/^--[a-z][\\w.:/,=-]*( [\\w.:/,=-]+)*$/')).toBe(false);
    expect(nestedQuantifier('/^(a[a-z]+)*$/')).toBe(true);
    expect(nestedQuantifier('/^(,[^x]+)*$/')).toBe(true);
    expect(nestedQuantifier('/^( \\S+)*$/')).toBe(true);
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
  // the build command's prepass and the compose nesting guard (issue 13): quotes, continuations, comments
  continuations: (n) => `'\\\n"\\\``.repeat(n / 6),
  'quote runs': (n) => `[ 'a'']' "\\"" `.repeat(n / 16),
  'comment runs': (n) => ' #[{'.repeat(n / 4),
};

function ops(f: (t: string, c: ScanCounter) => unknown, text: string): number {
  const c = { ops: 0 };
  f(text, c);
  return c.ops;
}

// Pasted build errors: the fragments readError searches for, repeated so every detector loops as long as it can.
const ERROR_FAMILIES: Record<string, (n: number) => string> = {
  proxyconnect: (n) => 'proxyconnect tcp: '.repeat(n / 18),
  'dial tcp': (n) => 'dial tcp '.repeat(n / 9),
  'dial tcp:': (n) => 'dial tcp: '.repeat(n / 10),
  'Get "https://': (n) => 'Get "https://'.repeat(n / 13),
  'lookup ': (n) => 'lookup '.repeat(n / 7),
  'wrapped lines': (n) => `${'x'.repeat(79)}\n`.repeat(n / 80),
  'failed to connect to': (n) => 'failed to connect to '.repeat(n / 21),
  ': EOF': (n) => ': EOF'.repeat(n / 5),
  'token status': (n) => 'unexpected status token 401 Unauthorized'.repeat(n / 40),
  'expecting k=v': (n) => 'invalid value "", expecting k=v'.repeat(n / 31),
};

describe('the scanners do work linear in their input', () => {
  // Each scanner with its families and its constant: the work per input character it may do at most.
  // readError makes one bounded pass per fragment it knows (about a hundred), so its constant is larger.
  const scanners: Record<
    string,
    [(t: string, c: ScanCounter) => unknown, Record<string, (n: number) => string>, number]
  > = {
    redactAll: [(t, c) => redactAll(t, c), FAMILIES, 12],
    maskText: [(t, c) => maskText(t, c), FAMILIES, 12],
    safeForTerminal: [(t, c) => safeForTerminal(t, {}, c), FAMILIES, 12],
    readError: [(t, c) => readError(t, null, c), { ...FAMILIES, ...ERROR_FAMILIES }, 200],
    shellPrepass: [(t, c) => shellPrepass(t, c), FAMILIES, 12],
    // Refusing early would hide quadratic work past the refusal: scan text that stays shallow.
    nestingProblem: [(t, c) => nestingProblem(t.replace(/[[{]/g, ' '), c), FAMILIES, 12],
  };
  for (const [name, [scan, families, perChar]] of Object.entries(scanners))
    for (const [family, make] of Object.entries(families))
      it(`${name} on ${family}`, () => {
        const small = ops(scan, make(4_000));
        const large = ops(scan, make(64_000));
        // 16× the input: linear work grows about 16×, quadratic work 256×.
        expect(large).toBeLessThanOrEqual(small * 16 * 1.25 + 100);
        expect(large).toBeLessThanOrEqual(make(64_000).length * perChar);
      });

  it('readError counts its work: a real error costs more than nothing', () => {
    expect(
      ops(
        (t, c) => readError(t, null, c),
        'proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused',
      ),
    ).toBeGreaterThan(70);
  });

  it('redactValue on a 100 KB value', () => {
    const v = `http://u:${'x'.repeat(100_000)}@h`;
    expect(redactValue(v)).toBe('http://u:***@h');
  });
});
