import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // ink-testing-library returns an empty last frame after exit when CI=true.
    env: { CI: 'false' },
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
