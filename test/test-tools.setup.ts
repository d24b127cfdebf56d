import { ensureTestSetup } from './setup-tools.ts';

/**
 * globalSetup of the e2e project, after the substrate: what the container tests (a Docker daemon:
 * scripts/setup/docker.sh installs docker.io and starts dockerd when none answers) and the workflow
 * lint test (actionlint + shellcheck: scripts/setup/actionlint.sh) and the LiteLLM e2e (the proxy in
 * a Python venv: scripts/setup/litellm.sh, about 2-14 minutes cold) need. All are idempotent and
 * return at once when present; a failure stops the run with the script's message. Not in
 * scripts/setup/all.sh, so the unit project never waits on them.
 */
export default async function ensureTestTools(): Promise<void> {
  await ensureTestSetup('docker.sh');
  await ensureTestSetup('actionlint.sh');
  await ensureTestSetup('litellm.sh');
}
