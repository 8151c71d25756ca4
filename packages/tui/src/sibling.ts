// Load another file of the built CLI (dist/*.cjs) at run time: each is self-contained, so a command loads only
// the parts it reaches, when it reaches them. The loader is the one the entry put here: the CLI's own, with V8's
// code cache made at build time (src/code-cache.ts), or, in the single executable, scripts/sea-main.cjs's (those
// files are assets inside the executable). Looked up at each call, so an entry may set it after this file loads.
import { createRequire } from 'node:module';

declare global {
  var __buildproxySibling: ((id: string) => unknown) | undefined;
}

let plain: ((id: string) => unknown) | undefined;

export function sibling(id: string): unknown {
  if (globalThis.__buildproxySibling) return globalThis.__buildproxySibling(id);
  plain ??= createRequire(__filename);
  return plain(id);
}
