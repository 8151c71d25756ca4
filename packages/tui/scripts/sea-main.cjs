// The entry of the single executable (Node's single-executable application). Node runs this one CommonJS
// script, whose require() knows only Node's builtins; the CLI's own files (dist/*.cjs) are assets of the
// executable. Each is compiled the way Node compiles a CommonJS file, once, and reaches its siblings through
// this loader (src/sibling.ts). The files are the same ones the npm package runs.
'use strict';
const { getAsset } = require('node:sea');
const { compileFunction } = require('node:vm');

const loaded = new Map();
function load(id) {
  const name = id.replace(/^\.\//, '');
  const cached = loaded.get(name);
  if (cached) return cached.exports;
  const filename = `/buildproxy/${name}`; // a name for stack traces; nothing is read from it
  const module = { exports: {}, filename, id: filename, loaded: false };
  loaded.set(name, module);
  const wrapper = compileFunction(
    getAsset(name, 'utf8').replace(/^#!.*/, ''),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    {
      filename,
    },
  );
  const localRequire = (what) => (what.startsWith('./') ? load(what) : require(what));
  wrapper.call(module.exports, module.exports, localRequire, module, filename, '/buildproxy');
  module.loaded = true;
  return module.exports;
}

globalThis.__buildproxySibling = load;
load('cli.cjs');
