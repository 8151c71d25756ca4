import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // ink-testing-library returns an empty last frame after exit when CI=true.
    env: { CI: 'false' },
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx', 'test/**/*.test.ts'],
    // Generous: on a loaded 2-CPU machine a test that spawns the CLI can wait seconds for a CPU. Timing belongs
    // in pnpm bench, not here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/setup/build-cli.ts'],
  },
});
