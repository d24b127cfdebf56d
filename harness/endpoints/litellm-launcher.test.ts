import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLiteLlm } from './litellm-launcher.ts';

const route = { modelName: 'm', upstreamModel: 'm', upstreamBaseUrl: 'http://127.0.0.1:9/v1' };

describe('LiteLLM launcher', () => {
  it('rejects, naming the log file, when the proxy exits at once, and removes its config folder', async () => {
    const logFile = join(await mkdtemp(join(tmpdir(), 'litellm-launcher-test-')), 'proxy.log');
    const before = (await readdir(tmpdir())).filter((name) => name.startsWith('llm-verify-litellm-'));
    const started = startLiteLlm({ binary: '/bin/false', route, masterKey: 'sk-x', upstreamKey: 'y', logFile, deadlineMs: 10_000 });
    await expect(started).rejects.toThrow(`the LiteLLM proxy exited before it was healthy: exit code 1; see ${logFile}`);
    const after = (await readdir(tmpdir())).filter((name) => name.startsWith('llm-verify-litellm-'));
    expect(after.filter((name) => !before.includes(name))).toEqual([]);
  });
});
