import { readFileSync } from 'node:fs';
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

export default defineConfig([
  // The CLI and each command as one CommonJS file (dist/cli.cjs, dist/doctor.cjs, …): a command costs one file
  // read and one compile. Measured with scripts/bench-docker.mjs (Debian dockerd 20.10): doctor 54 ms this way,
  // 61 ms as an ES module graph of ten chunks (Node 20 has no module compile cache).
  {
    ...common,
    entry: {
      cli: 'src/cli.ts',
      doctor: 'src/commands/doctor.ts',
      report: 'src/report-entry.ts',
      plan: 'src/commands/plan.ts',
      apply: 'src/commands/apply.ts',
      route: 'src/commands/route.ts',
      rules: 'src/commands/rules.ts',
      why: 'src/commands/why.ts',
      mcp: 'src/commands/mcp.ts',
    },
    format: ['cjs'],
    splitting: false,
  },
  // The wizard: Ink and React are ES modules; its own graph, loaded only when the wizard runs.
  {
    ...common,
    entry: { wizard: 'src/wizard/entry.ts' },
    format: ['esm'],
    splitting: true,
    // Ink loads its devtools only when DEV=true; that optional peer stays out of the bundle.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  },
]);
