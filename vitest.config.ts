import { defineConfig } from 'vitest/config';

/**
 * The project's own tests. Verification suites are not run here: the harness runner starts vitest
 * for them with its own configuration. Each project's first globalSetup makes sure the local
 * substrate (llama-server, test model, Ollama) is built before any test file starts.
 */
const SUBSTRATE = './test/substrate.setup.ts';

export default defineConfig({
  test: {
    reporters: ['default', './test/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: [SUBSTRATE, './test/live-llama-server.setup.ts'],
          include: ['harness/**/*.test.ts', 'providers/**/*.test.ts', 'suites/**/*.test.ts', 'fixtures/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: [SUBSTRATE, './test/test-tools.setup.ts'],
          include: ['test/**/*.test.ts'],
          testTimeout: 600_000,
          // beforeAll hooks run a whole `verify` (never a build: the substrate is ready before tests).
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
