import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getContainerRuntimeClient } from 'testcontainers';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureTestcontainers } from '../../harness/endpoints/container-runtime.ts';
import { LAUNCHER_LABEL } from '../../harness/endpoints/container-server.ts';
import { ensureTestSetup } from '../setup-tools.ts';
import { readResults, runCli, runFolder, tempReportDir } from './cli-process.ts';

const PROTOCOLS = ['ollama-native', 'openai-chat', 'openai-responses', 'anthropic-messages'];
const CONTAINER_LINE = /ollama container ([0-9a-f]{12}) \(image (llm-verify\/ollama:[0-9a-f]{16})\) on http:\/\/127\.0\.0\.1:\d+, ready in [\d.]+ s/;

configureTestcontainers();

describe('verify --provider ollama --local ollama --container (ollama serve in a FROM-scratch container)', () => {
  const reportDir = tempReportDir();
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';

  beforeAll(async () => {
    await ensureTestSetup('docker.sh');
    const result = await runCli(['verify', '--suite', 'core', '--test', 'health_check,list_models,basic_chat', '--provider', 'ollama', '--local', 'ollama', '--container', '--report-dir', reportDir]);
    exitCode = result.exitCode;
    output = result.all ?? '';
    runDir = runFolder(reportDir);
  });

  it('starts Ollama in a container on 127.0.0.1, registers the test GGUF in it, and passes the protocol facts on all four protocols', () => {
    expect([0, 1], output).toContain(exitCode);
    expect(output).toMatch(CONTAINER_LINE);
    const results = readResults(runDir);
    expect(results.cells).toHaveLength(12);
    for (const protocol of PROTOCOLS) {
      for (const test of ['health_check', 'list_models', 'basic_chat']) {
        const cell = results.cells.find((each) => each.protocol === protocol && each.test === test);
        // Ollama samples on anthropic-messages: a model that writes to max_tokens fails basic_chat on the model layer only.
        expect(cell?.verdict === 'pass' || (cell?.verdict === 'fail' && cell.layer === 'model'), `${protocol} ${test}: ${cell?.verdict} ${cell?.layer} ${cell?.message}`).toBe(true);
      }
    }
    expect(results.run.endpointVersions.ollama).toBe('ollama 0.17.4');
  });

  it("logs `ollama serve` and the model registration from inside the container", () => {
    const log = readFileSync(join(runDir, 'ollama-server.log'), 'utf8');
    expect(log).toMatch(/POST +"\/api\/create"/);
    expect(log).toMatch(/Listening on \[::\]:11434 \(version 0\.17\.4\)/);
  });

  it('leaves no container behind', async () => {
    const client = await getContainerRuntimeClient();
    const id = CONTAINER_LINE.exec(output)?.[1] ?? 'missing';
    await expect(client.container.dockerode.getContainer(id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    const left = await client.container.dockerode.listContainers({ all: true, filters: { label: [`${LAUNCHER_LABEL}`, 'dev.llm-verify.server=ollama'] } });
    expect(left.map((container) => container.Id.slice(0, 12))).toEqual([]);
  });
});
