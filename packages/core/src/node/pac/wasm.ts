// The QuickJS WebAssembly binary the PAC sandbox runs in. Read here from the quickjs-wasi package; the CLI's
// bundle replaces this module with one that carries the bytes (packages/tui/tsup.config.ts), since a bundled
// CLI has no node_modules to read from.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

let compiled: Promise<WebAssembly.Module> | null = null;

/** Compiled once per process: a second PAC evaluation reuses it. */
export function quickJsModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(createRequire(import.meta.url).resolve('quickjs-wasi/quickjs.wasm')).then((b) =>
    WebAssembly.compile(b),
  );
  return compiled;
}
