import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  entry: ['src/cli.ts'],
  splitting: true,
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  minify: true,
  // Self-contained: nothing to resolve at run time; commands are split into chunks loaded on demand.
  // Ink loads its devtools only when DEV=true; that optional peer stays out of the bundle.
  noExternal: [/^(?!react-devtools-core$)/],
  external: ['react-devtools-core'],
  define: { __BUILDPROXY_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
