import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const common: Options = {
  target: 'node20',
  platform: 'node',
  minify: true,
  // Self-contained: nothing to resolve at run time.
  noExternal: [/^(?!react-devtools-core$)/],
  external: ['react-devtools-core'],
  define: { __BUILDPROXY_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
};

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const YOGA_SYNC = fileURLToPath(new URL('./src/wizard/yoga-sync.ts', import.meta.url));
const YAML_ENTRY = fileURLToPath(new URL('./src/yaml-entry.ts', import.meta.url));
const YAML_ON_DEMAND = fileURLToPath(new URL('./src/yaml-on-demand.ts', import.meta.url));
const VALIDATE_ENTRY = fileURLToPath(new URL('./src/validate-entry.ts', import.meta.url));
const VALIDATE_ON_DEMAND = fileURLToPath(new URL('./src/validate-on-demand.ts', import.meta.url));

/** Replace one exact piece of a dependency's source; a dependency that changed fails the build, loudly. */
function patch(source: string, from: string | RegExp, to: string, file: string): string {
  const out = source.replace(from, to);
  if (out === source) throw new Error(`${file}: the code to replace is gone (${from}); re-check this patch`);
  return out;
}

// A CommonJS file cannot hold a top-level await. Two stand between Ink and CommonJS:
// - yoga-layout awaits its WebAssembly as it loads: Ink's `yoga-layout` resolves to src/wizard/yoga-sync.ts,
//   which loads it through yoga-layout/load and fills the same object in before the first render;
// - Ink's reconciler awaits its devtools and package.json when DEV=true: that debugging path is dropped.
const inkWithoutTopLevelAwait: Plugin = {
  name: 'ink-without-top-level-await',
  setup(build) {
    build.onResolve({ filter: /^yoga-layout$/ }, (args) =>
      args.importer === YOGA_SYNC ? undefined : { path: YOGA_SYNC },
    );
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      let src = readFileSync(args.path, 'utf8');
      src = patch(
        src,
        /if \(isDev\(\)\) \{\s*try \{\s*await import\('\.\/devtools\.js'\);[\s\S]*?\n\}\n/,
        '',
        args.path,
      );
      src = patch(src, /isDev\(\)\s*\?\s*await loadPackageJson\(\)\s*:/, '', args.path);
      return { contents: src, loader: 'js' };
    });
  },
};

// The yaml library is its own file (dist/yaml.cjs), loaded on the first parse: every other import of it gets
// src/yaml-on-demand.ts. Start-up cost is compile + run of what a command's file holds (BENCHMARKS.md).
const yamlOnDemand: Plugin = {
  name: 'yaml-on-demand',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) =>
      args.importer === YAML_ENTRY ? undefined : { path: YAML_ON_DEMAND },
    );
  },
};

// The validators (zod and the bundle and plan schemas) are their own file (dist/validate.cjs), loaded on the first
// bundle or plan file read: every other import of them gets src/validate-on-demand.ts.
const validateOnDemand: Plugin = {
  name: 'validate-on-demand',
  setup(build) {
    build.onResolve({ filter: /^@buildproxy\/core\/validate$/ }, (args) =>
      args.importer === VALIDATE_ENTRY ? undefined : { path: VALIDATE_ON_DEMAND },
    );
  },
};

// The PAC sandbox's QuickJS binary goes into dist/pac.cjs as bytes: core's node/pac/wasm.ts reads it from
// node_modules, which a bundled CLI does not have.
const QUICKJS_WASM_MODULE = /[\\/]core[\\/]src[\\/]node[\\/]pac[\\/]wasm\.ts$/;
const quickJsWasmInline: Plugin = {
  name: 'quickjs-wasm-inline',
  setup(build) {
    build.onLoad({ filter: QUICKJS_WASM_MODULE }, (args) => ({
      contents: [
        "import bytes from 'quickjs-wasi/quickjs.wasm';",
        'let compiled: Promise<WebAssembly.Module> | null = null;',
        'export function quickJsModule(): Promise<WebAssembly.Module> {',
        '  compiled ??= WebAssembly.compile(bytes);',
        '  return compiled;',
        '}',
      ].join('\n'),
      loader: 'ts',
      resolveDir: dirname(args.path),
    }));
  },
};

export default defineConfig([
  // The CLI, each command and the wizard as one CommonJS file each (dist/cli.cjs, dist/doctor.cjs, …): a command
  // costs one file read and one compile. Measured with scripts/bench-docker.mjs (Debian dockerd 20.10): doctor 54 ms this way,
  // 61 ms as an ES module graph of ten chunks (Node 20 has no module compile cache).
  {
    ...common,
    entry: {
      cli: 'src/cli.ts',
      doctor: 'src/commands/doctor.ts',
      report: 'src/report-entry.ts',
      network: 'src/network-entry.ts',
      reading: 'src/reading-entry.ts',
      yaml: 'src/yaml-entry.ts',
      validate: 'src/validate-entry.ts',
      plan: 'src/commands/plan.ts',
      apply: 'src/commands/apply.ts',
      route: 'src/commands/route.ts',
      rules: 'src/commands/rules.ts',
      why: 'src/commands/why.ts',
      verify: 'src/commands/verify.ts',
      mcp: 'src/commands/mcp.ts',
      fleet: 'src/commands/fleet-report.ts',
      pac: 'src/pac-entry.ts',
      // the CLI's loader alone, for the build's training run of V8's code cache (scripts/code-cache.cjs)
      'code-cache': 'src/code-cache.ts',
      // Ink and React are ES modules; bundled to CommonJS too, so the single executable can carry the wizard.
      wizard: 'src/wizard/entry.ts',
    },
    format: ['cjs'],
    splitting: false,
    loader: { '.wasm': 'binary' },
    esbuildPlugins: [inkWithoutTopLevelAwait, yamlOnDemand, validateOnDemand, quickJsWasmInline],
  },
]);
