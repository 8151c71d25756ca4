// The CLI's own loader for its sibling files (dist/doctor.cjs, dist/report.cjs, …), with V8's code cache made at
// build time (scripts/code-cache.cjs). Node 20 compiles a CommonJS file afresh at every start, and has no compile
// cache for it (module.enableCompileCache is Node ≥ 22, and needs a cache folder that root could trust): for a
// plain doctor that is ~300 KB of bundle, and the largest part of its start-up (BENCHMARKS.md).
//
// A file is taken from its cache only when dist/v8cache/index.json names the file with the key of its exact
// bytes and of this V8 (V8 itself checks only the text's length, and its own version and flags); it is then
// compiled here as Node compiles a CommonJS file (the same wrapper). A file the index does not name (the wizard,
// the other commands; every file under another Node) is loaded by Node's require, as before; one whose bytes
// changed since, or whose cache V8 rejects, is compiled afresh. The files reach each other through this loader
// (src/sibling.ts), so each is loaded once. Nothing is ever written at run time: the caches ship in the package,
// beside the code they belong to, with the same owner and mode.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** What happened to each file's code cache: used, rejected by V8, stale (the file changed), or none. */
export type CacheUse = 'accepted' | 'rejected' | 'stale' | 'none';

export interface SiblingLoader {
  (id: string): unknown;
  /** per file loaded: how its code cache was used (read by the start-up test) */
  readonly codeCache: Map<string, CacheUse>;
  /** the compiled scripts (the build's training run makes their caches) */
  readonly scripts: Map<string, Script>;
}

/** The wrapper Node puts around a CommonJS file; a code cache belongs to this exact text. */
export const wrap = (source: string): string =>
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/** The cache key of a file's bytes for this V8: the first 32 hex digits of SHA-256(v8 version, NUL, bytes). */
export function cacheKey(source: Buffer): string {
  const { createHash } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return createHash('sha256')
    .update(process.versions.v8)
    .update('\0')
    .update(source)
    .digest('hex')
    .slice(0, 32);
}

function readIndex(dir: string): Record<string, string> {
  try {
    const index = JSON.parse(readFileSync(join(dir, 'v8cache', 'index.json'), 'utf8')) as unknown;
    return index && typeof index === 'object' ? (index as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** A loader for the files of `dir`. With `noCache` (the build's training run) every file is compiled here, without a
 * cache, so that its script can be saved. */
export function codeCacheLoader(dir: string, o: { noCache?: boolean } = {}): SiblingLoader {
  const nodeRequire = createRequire(join(dir, 'cli.cjs'));
  const loaded = new Map<string, { exports: unknown }>();
  const codeCache = new Map<string, CacheUse>();
  const scripts = new Map<string, Script>();
  let index: Record<string, string> | undefined;

  const load = (id: string): unknown => {
    const name = id.replace(/^\.\//, '');
    const done = loaded.get(name);
    if (done) return done.exports;
    const filename = join(dir, name);
    index ??= o.noCache ? {} : readIndex(dir);
    const key = typeof index[name] === 'string' ? index[name] : undefined;
    if (!key && !o.noCache) {
      codeCache.set(name, 'none');
      const exports = nodeRequire(filename);
      loaded.set(name, { exports });
      return exports;
    }
    const bytes = readFileSync(filename);
    const source = bytes.toString('utf8');
    let cachedData: Buffer | undefined;
    if (key && cacheKey(bytes) === key) {
      try {
        cachedData = readFileSync(join(dir, 'v8cache', `${key}.bin`));
      } catch {
        cachedData = undefined;
      }
    }
    const script = new Script(wrap(source), { filename, ...(cachedData ? { cachedData } : {}) });
    codeCache.set(
      name,
      !key ? 'none' : !cachedData ? 'stale' : script.cachedDataRejected ? 'rejected' : 'accepted',
    );
    scripts.set(name, script);
    const module = { exports: {} as unknown, filename, id: filename, loaded: false };
    loaded.set(name, module);
    const localRequire = (what: string) => (what.startsWith('./') ? load(what) : nodeRequire(what));
    (script.runInThisContext() as (...a: unknown[]) => void).call(
      module.exports,
      module.exports,
      localRequire,
      module,
      filename,
      dir,
    );
    module.loaded = true;
    return module.exports;
  };
  return Object.assign(load, { codeCache, scripts });
}
