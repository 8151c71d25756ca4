// The CLI's loader with V8's code cache (src/code-cache.ts): a cache is used only for the exact text it was made
// from, by this V8. V8 itself checks only the text's length, so a file rebuilt since with the same length would
// otherwise run the old file's bytecode. What the loader did is recorded per file, not timed. Each load runs in a
// fresh Node (the built dist/code-cache.cjs): within one process V8 reuses what it compiled, whatever the cache.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './helpers.js';

const LOADER = join(dirname(CLI), 'code-cache.cjs');

/** In a fresh Node: load a.cjs with the CLI's loader (train: save its cache and index as the build does). */
interface Run {
  word: string;
  fromA: string;
  same: boolean;
  sep: string;
  key: string;
  cache: [string, string][];
}

function node(dir: string, mode: 'train' | 'load'): Run {
  const script = `
const { codeCacheLoader, cacheKey } = require(${JSON.stringify(LOADER)});
const fs = require('node:fs'), path = require('node:path');
const dir = ${JSON.stringify(dir)};
const load = codeCacheLoader(dir, { noCache: ${mode === 'train'} });
globalThis.__buildproxySibling = load;
const a = load('./a.cjs');
const b = a.b();
if (${mode === 'train'}) {
  fs.mkdirSync(path.join(dir, 'v8cache'));
  const key = cacheKey(fs.readFileSync(path.join(dir, 'a.cjs')));
  fs.writeFileSync(path.join(dir, 'v8cache', key + '.bin'), load.scripts.get('a.cjs').createCachedData());
  fs.writeFileSync(path.join(dir, 'v8cache', 'index.json'), JSON.stringify({ 'a.cjs': key }));
}
process.stdout.write(JSON.stringify({ word: a.word, fromA: b.fromA(), same: load('./a.cjs') === a, sep: b.sep, key: cacheKey(fs.readFileSync(path.join(dir, 'a.cjs'))), cache: [...load.codeCache] }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A dist folder of two files that require each other and a builtin, with a cache made for a.cjs. */
function dist(aText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'buildproxy-code-cache-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'a.cjs'), aText);
  writeFileSync(
    join(dir, 'b.cjs'),
    // the dist files reach each other through the loader (globalThis.__buildproxySibling, src/sibling.ts)
    `"use strict";const a=globalThis.__buildproxySibling("./a.cjs");module.exports={fromA:()=>a.word,sep:require("node:path").sep};`,
  );
  const { key } = node(dir, 'train');
  return { dir, key };
}

const A = `"use strict";module.exports={word:"alpha",b:()=>require("./b.cjs")};`;

describe('codeCacheLoader', () => {
  it('takes a file from its cache, loads the others with Node, each once', () => {
    const { dir } = dist(A);
    const r = node(dir, 'load');
    expect(r).toMatchObject({ word: 'alpha', fromA: 'alpha', same: true, sep: '/' }); // b.cjs reaches the same a.cjs
    expect(r.cache).toEqual([
      ['a.cjs', 'accepted'],
      ['b.cjs', 'none'],
    ]);
  });

  it('never runs a cache for a file whose text changed, even with the same length', () => {
    const { dir } = dist(A);
    const same = A.replace('alpha', 'omega');
    expect(same.length).toBe(A.length);
    writeFileSync(join(dir, 'a.cjs'), same);
    const r = node(dir, 'load');
    expect(r.word).toBe('omega');
    expect(r.cache).toContainEqual(['a.cjs', 'stale']);
  });

  it('a cache V8 cannot use (another V8, a damaged file) is compiled afresh', () => {
    const { dir, key } = dist(A);
    writeFileSync(join(dir, 'v8cache', `${key}.bin`), Buffer.from('not a code cache'));
    const r = node(dir, 'load');
    expect(r.word).toBe('alpha');
    expect(r.cache).toContainEqual(['a.cjs', 'rejected']);
  });

  it('without an index, or with a missing cache or a malformed index, compiles as before', () => {
    const { dir, key } = dist(A);
    rmSync(join(dir, 'v8cache', `${key}.bin`));
    const missing = node(dir, 'load');
    expect(missing.word).toBe('alpha');
    expect(missing.cache).toContainEqual(['a.cjs', 'stale']);
    for (const index of ['{', '[]', 'null', '{"a.cjs": 42}']) {
      writeFileSync(join(dir, 'v8cache', 'index.json'), index);
      const r = node(dir, 'load');
      expect(r.word, index).toBe('alpha');
      expect(r.cache, index).toContainEqual(['a.cjs', 'none']);
    }
    rmSync(join(dir, 'v8cache'), { recursive: true });
    expect(node(dir, 'load').cache).toContainEqual(['a.cjs', 'none']);
  });

  it('keys a cache by the text and by this V8', () => {
    const { dir, key } = dist(A);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(node(dir, 'load')).toMatchObject({ key });
    writeFileSync(join(dir, 'a.cjs'), A.replace('alpha', 'omega'));
    expect(node(dir, 'load').key).not.toBe(key);
  });
});
