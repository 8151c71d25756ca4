// The rules of the house, checked on the source: arrows point down the layers of core, files stay small, analysis
// functions stay short, and core's public surface is the named entry points only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { TARGETS } from '../../src/targets.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const CORE = join(ROOT, 'packages/core/src');

/** core's folders (and top-level files) from the bottom up: a file may import only from a lower layer or its own. */
const LAYERS: Record<string, number> = {
  formats: 0,
  targets: 0,
  terminal: 0,
  'zod-messages': 0,
  // the typed finding messages and their templates: imported by analysis and rules; they read only proxy's types
  messages: 2,
  'target-labels': 1,
  proxy: 1,
  pac: 1,
  evidence: 2,
  daemons: 3,
  command: 3,
  analyze: 4,
  machines: 5,
  rules: 6,
  report: 7,
  route: 7,
  why: 7,
  plan: 8,
  network: 8,
  verify: 8,
  fleet: 8,
  index: 9,
  'entry-report': 9,
  validate: 9,
  node: 9,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The layer a file of core belongs to: its top folder, or its own name for a top-level file. */
function layerOf(file: string): string {
  return relative(CORE, file)
    .split('/')[0]!
    .replace(/\.(js|ts|tsx)$/, '');
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
}

describe('core layers', () => {
  const files = sources(CORE);
  it('every folder of core has a layer', () => {
    expect(files.map(layerOf).filter((l) => !(l in LAYERS))).toEqual([]);
  });
  it('no upward import: each import goes to its own folder or a lower layer', () => {
    const upward: string[] = [];
    for (const f of files) {
      const from = layerOf(f);
      for (const spec of importsOf(f)) {
        const to = layerOf(resolve(dirname(f), spec));
        if (to !== from && !(LAYERS[to]! < LAYERS[from]!)) upward.push(`${relative(CORE, f)} → ${spec}`);
      }
    }
    expect(upward).toEqual([]);
  });
  it('node: modules only under src/node (the lint rule, checked here too)', () => {
    const impure = files.filter((f) => layerOf(f) !== 'node' && /from 'node:/.test(readFileSync(f, 'utf8')));
    expect(impure.map((f) => relative(CORE, f))).toEqual([]);
  });
});

describe('sizes', () => {
  it('no source file in core or tui over 300 lines unless it says why', () => {
    const files = [...sources(CORE), ...sources(join(ROOT, 'packages/tui/src'))];
    const long = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return text.split('\n').length > 301 && !text.startsWith('// long because: ');
    });
    expect(long.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('no function in analyze/ over 100 lines', () => {
    const long: string[] = [];
    for (const f of sources(join(CORE, 'analyze'))) {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node) => {
        if (ts.isFunctionLike(n) && 'body' in n && n.body) {
          const lines =
            sf.getLineAndCharacterOfPosition(n.end).line -
            sf.getLineAndCharacterOfPosition(n.getStart()).line +
            1;
          if (lines > 100)
            long.push(`${relative(CORE, f)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(long).toEqual([]);
  });
});

describe('public surface', () => {
  it('core exports its named entry points only, no wildcard', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'packages/core/package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    expect(Object.keys(pkg.exports).sort()).toEqual(
      ['.', './evidence', './node', './plan', './proxy', './report', './testing', './validate'].sort(),
    );
  });
  it('the main entry names what it exports and leaves the example machines to ./testing', async () => {
    const index = readFileSync(join(CORE, 'index.ts'), 'utf8');
    expect(index).not.toMatch(/machines\//);
    const core = await import('../../src/index.js');
    expect('fixtures' in core || 'synthesize' in core).toBe(false);
    expect(core.ACTORS).toEqual(['client', 'runtime', 'builder', 'run']);
  });
  /** The wizard's steps, read from tui's state.ts (core's tests do not import tui). */
  const wizardSteps = () => {
    const src = readFileSync(join(ROOT, 'packages/tui/src/wizard/state.ts'), 'utf8');
    const list = /export const STEPS = \[([^\]]+)\]/.exec(src)![1]!;
    return [...list.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
  };

  it('every rule, target and screen is found from its name with one ls', () => {
    const has = (path: string) => existsSync(join(ROOT, path));
    const missing = [
      ...RULES.flatMap((r) =>
        [`rules/${r.id}/check.ts`, `rules/${r.id}/text.ts`].map((f) => `packages/core/src/${f}`),
      ),
      ...TARGETS.map((t) => `packages/core/src/plan/targets/${t}.ts`),
      ...wizardSteps().map((s) => `packages/tui/src/wizard/screens/${s}.tsx`),
    ].filter((p) => !has(p));
    expect(missing).toEqual([]);
  });

  it('tui and docs import core through its entry points only', () => {
    const dirs = ['packages/tui/src', 'packages/tui/test', 'packages/docs/src', 'packages/docs/scripts'];
    const deep = dirs
      .flatMap((d) => sources(join(ROOT, d)))
      .filter((f) =>
        /'@buildproxy\/core\/(?!(report|proxy|evidence|plan|node|validate|testing)')/.test(
          readFileSync(f, 'utf8'),
        ),
      );
    expect(deep.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
