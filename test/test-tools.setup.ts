import type { TestProject } from 'vitest/node';
import { ensureTestSetup } from './setup-tools.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Headless Chromium for the browser tests (matrix.html, `verify --ui`): scripts/setup/chromium.sh. */
    chromiumPath: string;
  }
}

/**
 * globalSetup of the e2e project, after the substrate: what the container tests (a Docker daemon:
 * scripts/setup/docker.sh installs docker.io and starts dockerd when none answers), the workflow
 * lint test (actionlint + shellcheck: scripts/setup/actionlint.sh), the browser tests (Debian's
 * chromium: scripts/setup/chromium.sh), the tracing test (Jaeger, built from its Go module:
 * scripts/setup/jaeger.sh) and the LiteLLM e2e (the proxy in a Python venv: scripts/setup/litellm.sh,
 * 850 s cold on the loaded 2-core machine) need. Each is idempotent and returns at once when
 * present; a failure stops the run with the script's message. Not in scripts/setup/all.sh, so the
 * unit project never waits on them.
 */
export default async function ensureTestTools(project: TestProject): Promise<void> {
  await ensureTestSetup('docker.sh');
  await ensureTestSetup('actionlint.sh');
  project.provide('chromiumPath', await ensureTestSetup('chromium.sh'));
  // The OTLP receiver of the tracing e2e (otel-jaeger.test.ts): about 11 minutes on 2 cores, once.
  await ensureTestSetup('jaeger.sh');
  // The LiteLLM proxy of litellm.test.ts (a venv in the cache).
  await ensureTestSetup('litellm.sh');
}
