// Build-time training run for the single executable: the Node that goes into it runs one CLI command through
// the executable's own loader (scripts/sea-main.cjs), reading dist/*.cjs from disk, and on exit writes V8's code
// cache of every file it loaded (the functions that command compiled) to OUT/NAME.v8cache, unless a file already
// has one. Usage: node sea-train.cjs DIST OUT -- COMMAND ARGS…
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { makeLoader } = require('./sea-main.cjs');

const [dist, out, sep, ...argv] = process.argv.slice(2);
if (!dist || !out || sep !== '--') {
  console.error('usage: node sea-train.cjs DIST OUT -- COMMAND ARGS…');
  process.exit(2);
}
process.argv = [process.argv[0], 'buildproxy', ...argv];
const { load, loaded } = makeLoader(
  (name) => readFileSync(join(dist, name), 'utf8'),
  () => undefined,
);
process.on('exit', () => {
  for (const [name, { script }] of loaded) {
    const file = join(out, `${name}.v8cache`);
    if (!existsSync(file)) writeFileSync(file, script.createCachedData(), { flag: 'wx' });
  }
});
globalThis.__buildproxySibling = load;
load('cli.cjs');
