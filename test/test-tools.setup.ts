import { ensureTestSetup } from './setup-tools.ts';

/**
 * globalSetup of the e2e project, after the substrate: what the container tests (a Docker daemon:
 * scripts/setup/docker.sh installs docker.io and starts dockerd when none answers) and the workflow
 * lint test (actionlint + shellcheck: scripts/setup/actionlint.sh) and the tracing test (Jaeger:
 * scripts/setup/jaeger.sh, built from its Go module) need. Each is idempotent and
 * return at once when present; a failure stops the run with the script's message.
 */
export default async function ensureTestTools(): Promise<void> {
  await ensureTestSetup('docker.sh');
  await ensureTestSetup('actionlint.sh');
  // The OTLP receiver of the tracing e2e (otel-jaeger.test.ts): about 11 minutes on 2 cores, once.
  await ensureTestSetup('jaeger.sh');
}
