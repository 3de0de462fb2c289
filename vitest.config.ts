import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'native/**/*.test.ts', 'cloud/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at once on the two cores (vitest's default is cores - 1 = one): most files
    // wait on servers, processes and databases, so the run takes about 12 minutes, not 16.
    maxWorkers: 2,
  },
});
