// The entry of the single executable (Node's single-executable application). Node runs this one CommonJS
// script, whose require() knows only Node's builtins; the CLI's own files (dist/*.cjs) are assets of the
// executable. Each is compiled the way Node compiles a CommonJS file, once, and reaches its siblings through
// this loader (src/sibling.ts). The files are the same ones the npm package runs.
// With each file rides V8's code cache from a training run at build time (scripts/sea-train.cjs), so a
// command's functions are not compiled again on every start.
'use strict';
const { Script } = require('node:vm');

// The wrapper Node puts around a CommonJS file. The code cache is tied to this exact text.
const wrap = (source) =>
  `(function (exports, require, module, __filename, __dirname) {${source.replace(/^#!.*/, '')}\n})`;

function makeLoader(readSource, readCache) {
  const loaded = new Map();
  function load(id) {
    const name = id.replace(/^\.\//, '');
    const cached = loaded.get(name);
    if (cached) return cached.module.exports;
    const filename = `/buildproxy/${name}`; // a name for stack traces; nothing is read from it
    const cachedData = readCache(name);
    const script = new Script(wrap(readSource(name)), { filename, ...(cachedData ? { cachedData } : {}) });
    const module = { exports: {}, filename, id: filename, loaded: false };
    loaded.set(name, { module, script });
    const localRequire = (what) => (what.startsWith('./') ? load(what) : require(what));
    script
      .runInThisContext()
      .call(module.exports, module.exports, localRequire, module, filename, '/buildproxy');
    module.loaded = true;
    return module.exports;
  }
  return { load, loaded };
}

const sea = require('node:sea');
if (sea.isSea()) {
  const asset = (name) => {
    try {
      return Buffer.from(sea.getAsset(name));
    } catch {
      return undefined; // no code cache for this file: V8 compiles it as usual
    }
  };
  const { load } = makeLoader(
    (name) => sea.getAsset(name, 'utf8'),
    (name) => asset(`${name}.v8cache`),
  );
  globalThis.__buildproxySibling = load;
  load('cli.cjs');
} else {
  module.exports = { makeLoader };
}
