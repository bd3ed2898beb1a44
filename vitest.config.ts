import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'adapters/**/*.test.ts', 'workflows/**/*.test.ts', 'db/**/*.test.ts'],
    // Each file gets its own PostgreSQL schema and SQLite file, so files may run in parallel.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
