import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getContainerRuntimeClient } from 'testcontainers';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureTestcontainers } from '../../harness/endpoints/container-runtime.ts';
import { LAUNCHER_LABEL } from '../../harness/endpoints/container-server.ts';
import { ensureTestSetup } from '../setup-tools.ts';
import { CLI, readResults, ROOT, runCli, runFolder, tempReportDir } from './cli-process.ts';

const KEY = 'e2e-container-key-3f9a1c7e5b2d';
const PROTOCOLS = ['openai-chat', 'openai-responses', 'anthropic-messages'];
const CONTAINER_LINE = /llama-server container ([0-9a-f]{12}) \(image (llm-verify\/llama-server:[0-9a-f]{16})\) on http:\/\/127\.0\.0\.1:\d+, ready in [\d.]+ s/;

configureTestcontainers();

async function harnessContainers() {
  const client = await getContainerRuntimeClient();
  return client.container.dockerode.listContainers({ all: true, filters: { label: [LAUNCHER_LABEL] } });
}

describe('verify --suite core --provider llama_cpp --local llama_cpp --container (llama-server in a FROM-scratch container)', () => {
  const reportDir = tempReportDir();
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';
  let before: string[] = [];

  beforeAll(async () => {
    await ensureTestSetup('docker.sh');
    before = (await harnessContainers()).map((container) => container.Id);
    const result = await runCli(['verify', '--suite', 'core', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--container', '--report-dir', reportDir], { LLAMA_CPP_API_KEY: KEY });
    exitCode = result.exitCode;
    output = result.all ?? '';
    runDir = runFolder(reportDir);
  });

  it('starts llama-server in a container published on 127.0.0.1 and exits 0 or 1 (endpoint verdicts)', () => {
    expect([0, 1], output).toContain(exitCode);
    expect(output).toMatch(/--container: container runtime /);
    expect(output).toMatch(CONTAINER_LINE);
    expect(output).toMatch(/llm-verify: 36 cells: \d+ pass/);
  });

  it('earns the protocol facts the process-launched server earns, on all three protocols', () => {
    const results = readResults(runDir);
    const verdict = (protocol: string, test: string) => results.cells.find((cell) => cell.protocol === protocol && cell.test === test)?.verdict;
    for (const protocol of PROTOCOLS) {
      expect(verdict(protocol, 'health_check'), protocol).toBe('pass');
      expect(verdict(protocol, 'list_models'), protocol).toBe('pass');
      expect(verdict(protocol, 'basic_chat'), protocol).toBe('pass');
      // The generated key reached the server through the container's environment.
      expect(verdict(protocol, 'bad_credentials'), protocol).toBe('pass');
    }
    expect(results.run.endpointVersions.llama_cpp).toMatch(/^llama\.cpp .*de3ff81/);
  });

  it('leaves no container behind', async () => {
    const id = CONTAINER_LINE.exec(output)?.[1] ?? 'missing';
    const left = (await harnessContainers()).filter((container) => !before.includes(container.Id));
    expect(left.map((container) => `${container.Id.slice(0, 12)} ${container.State}`)).toEqual([]);
    const client = await getContainerRuntimeClient();
    await expect(client.container.dockerode.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('runs an image holding only llama-server and the libraries ldd lists (one layer, nothing pulled)', async () => {
    const image = CONTAINER_LINE.exec(output)?.[2] ?? 'missing';
    const client = await getContainerRuntimeClient();
    const info = await client.container.dockerode.getImage(image).inspect();
    expect(info.RootFS.Layers).toHaveLength(1);
    expect(info.Config.Entrypoint).toEqual(['/usr/local/bin/llama-server']);
    expect(info.Config.Labels?.['dev.llm-verify.image']).toBe('llm-verify/llama-server');
  });

  it("writes the container's log to the run folder and the key nowhere", () => {
    const log = readFileSync(join(runDir, 'llama_cpp-server.log'), 'utf8');
    expect(log).toMatch(/llama_server: listening on http:\/\/0\.0\.0\.0:8080/);
    expect(output).not.toContain(KEY);
    // Every file the run wrote, transcripts/ included.
    for (const name of readdirSync(runDir, { recursive: true, encoding: 'utf8' })) {
      const path = join(runDir, name);
      if (statSync(path).isFile()) expect(readFileSync(path, 'utf8'), name).not.toContain(KEY);
    }
  });
});

describe('a --container run killed mid-way (SIGTERM)', () => {
  it('removes its container on the signal (Ryuk is off: the harness is the only reaper)', async () => {
    const reportDir = tempReportDir();
    // --verbose: a console line per cell, so the test sees the run is under way ([ 2/N]).
    const child = runCli(['verify', '--suite', 'core', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--container', '--verbose', '--report-dir', reportDir]);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const deadline = Date.now() + 120_000;
    while (!/\[ 2\/\d+\]/.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const id = CONTAINER_LINE.exec(stderr)?.[1];
    expect(id, stderr).toBeDefined();
    const client = await getContainerRuntimeClient();
    expect((await client.container.dockerode.getContainer(id ?? 'missing').inspect()).State.Running).toBe(true);
    child.kill('SIGTERM');
    const result = await child;
    expect(result.signal ?? result.exitCode, 'the CLI ended by the signal').toBeTruthy();
    await expect(client.container.dockerode.getContainer(id ?? 'missing').inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});

const isRoot = process.getuid?.() === 0;
const hasUnshare = existsSync('/usr/bin/unshare');

describe('verify --local llama_cpp --container without a container runtime', () => {
  // A mount namespace with an empty /run hides the daemon's socket from this one run (needs root).
  it.skipIf(!isRoot || !hasUnshare)('skips the cells "no container runtime": no fake pass, no other server tested', async () => {
    const reportDir = tempReportDir();
    const args = [CLI, 'verify', '--suite', 'core', '--test', 'health_check,basic_chat', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--container', '--report-dir', reportDir];
    // An env-configured server must not be tested instead of the container the user asked for.
    const env: NodeJS.ProcessEnv = { ...process.env, LLAMA_CPP_BASE_URL: 'http://127.0.0.1:9' };
    delete env.DOCKER_HOST;
    let output = '';
    let status = 0;
    try {
      output = execFileSync('unshare', ['--mount', '--fork', 'sh', '-c', 'mount -t tmpfs tmpfs /run && exec "$@" 2>&1', 'sh', process.execPath, ...args], { cwd: ROOT, env, encoding: 'utf8' });
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      [status, output] = [failed.status, failed.stdout];
    }
    expect(status, output).toBe(0);
    expect(output).toMatch(/--container: no container runtime: .*llama_cpp cells are skipped/);
    const runDir = runFolder(reportDir);
    const cells = readResults(runDir).cells;
    expect(cells).toHaveLength(6);
    for (const cell of cells) {
      expect(cell.verdict, `${cell.protocol}/${cell.test}`).toBe('skipped');
      expect(cell.message ?? '', `${cell.protocol}/${cell.test}`).toMatch(/^no container runtime: /);
    }
  });
});
