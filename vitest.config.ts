import { defineConfig } from 'vitest/config';

/**
 * The project's own tests. Verification suites (suites/**\/*.verify.ts) are not run here:
 * the harness runner starts vitest for them with its own configuration.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['./test/live-llama-server.setup.ts'],
          include: ['harness/**/*.test.ts', 'providers/**/*.test.ts', 'suites/**/*.test.ts', 'fixtures/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
