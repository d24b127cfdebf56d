import { describe, expect, it } from 'vitest';
import type { ContainerRuntimeClient } from 'testcontainers';
import type { ProviderDefinition } from '../contract/provider.ts';
import { planRun } from '../matrix/plan-run.ts';
import { UsageError } from '../matrix/usage-error.ts';
import type { SuiteDefinition } from '../suite/define.ts';
import { containerRuntimeFor } from './container-option.ts';
import { detectContainerRuntime, NO_CONTAINER_RUNTIME, type ContainerRuntime } from './container-runtime.ts';

/** What testcontainers throws when no strategy (DOCKER_HOST, properties file, sockets) works. */
const noRuntime = () => Promise.reject(new Error('Could not find a working container runtime strategy'));
const fakeClient = { info: { containerRuntime: { operatingSystem: 'Debian', serverVersion: '20.10.24', architecture: 'x86_64' } } } as unknown as ContainerRuntimeClient;

describe('detectContainerRuntime', () => {
  it('reports a missing runtime as an answer with how to get one, never a throw', async () => {
    const runtime = await detectContainerRuntime(noRuntime);
    expect(runtime.available).toBe(false);
    if (runtime.available) return;
    expect(runtime.reason.startsWith(`${NO_CONTAINER_RUNTIME}: Could not find a working container runtime strategy`)).toBe(true);
    expect(runtime.reason).toMatch(/scripts\/setup\/docker\.sh/);
  });

  it('describes the runtime it found', async () => {
    const runtime = await detectContainerRuntime(() => Promise.resolve(fakeClient));
    expect(runtime).toMatchObject({ available: true, description: 'Debian 20.10.24 (x86_64)' });
  });
});

describe('containerRuntimeFor (--container)', () => {
  const launchable = ['llama_cpp', 'ollama'];
  const unavailable = (): Promise<ContainerRuntime> => detectContainerRuntime(noRuntime);
  const never = (): Promise<ContainerRuntime> => Promise.reject(new Error('must not be asked'));

  it('leaves --local alone without --container', async () => {
    expect(await containerRuntimeFor(false, ['llama_cpp'], launchable, () => {}, never)).toEqual({ launch: ['llama_cpp'], unlaunchable: {} });
  });

  it('is a usage error without --local', async () => {
    await expect(containerRuntimeFor(true, [], launchable, () => {}, never)).rejects.toThrow(UsageError);
    await expect(containerRuntimeFor(true, [], launchable, () => {}, never)).rejects.toThrow(/add --local <id>/);
  });

  it('without a runtime starts nothing and marks each --local provider with the reason', async () => {
    const lines: string[] = [];
    const choice = await containerRuntimeFor(true, ['llama_cpp', 'ollama'], launchable, (line) => lines.push(line), unavailable);
    expect(choice.launch).toEqual([]);
    expect(choice.client).toBeUndefined();
    expect(Object.keys(choice.unlaunchable)).toEqual(['llama_cpp', 'ollama']);
    expect(choice.unlaunchable.llama_cpp?.startsWith(NO_CONTAINER_RUNTIME)).toBe(true);
    expect(lines.join('\n')).toMatch(/no container runtime.*llama_cpp, ollama cells are skipped/);
  });

  it('still rejects a --local name the harness cannot start when there is no runtime', async () => {
    await expect(containerRuntimeFor(true, ['vllm'], launchable, () => {}, unavailable)).rejects.toThrow(/--local vllm: the harness can start only llama_cpp, ollama/);
  });

  it('hands the runtime to the launchers when there is one', async () => {
    const choice = await containerRuntimeFor(true, ['llama_cpp'], launchable, () => {}, () => Promise.resolve({ available: true, client: fakeClient, description: 'x' }));
    expect(choice).toEqual({ launch: ['llama_cpp'], client: fakeClient, unlaunchable: {} });
  });
});

describe('cells of a --container provider without a runtime', () => {
  const provider: ProviderDefinition = {
    id: 'llama_cpp',
    displayName: 'llama.cpp',
    kind: 'local',
    protocols: [
      { protocol: 'openai-chat', path: '/v1' },
      { protocol: 'anthropic-messages', path: '' },
    ],
    baseUrl: { env: 'LLAMA_CPP_BASE_URL' },
    models: [{ id: 'smollm2-135m-instruct', displayName: 'SmolLM2', capabilities: {} }],
    discoverModels: true,
    setupHint: 'start llama-server',
    healthCheck: '',
    local: 'llama-server',
    liveVerifiedHere: true,
  };
  const suites: SuiteDefinition[] = [
    { id: 'core', description: '', tests: [{ id: 'health_check', description: '', requires: [], tags: [], assertion: 'protocol', async run() {} }] },
  ];

  it('are skipped "no container runtime", even when the environment names another server', async () => {
    const reason = `${NO_CONTAINER_RUNTIME}: Could not find a working container runtime strategy`;
    let discovered = false;
    const plan = await planRun({
      providers: [provider],
      suites,
      filters: { providers: [], models: [], suites: [], tests: [], tags: [], protocols: [] },
      timeoutMs: 1000,
      env: { LLAMA_CPP_BASE_URL: 'http://127.0.0.1:9' },
      launched: {},
      unlaunchable: { llama_cpp: reason },
      discover: async () => {
        discovered = true;
        return { models: [] };
      },
    });
    expect(discovered).toBe(false);
    expect(plan.cells).toHaveLength(2);
    for (const cell of plan.cells) {
      expect(cell.gate).toEqual({ action: 'skipped', reason });
      expect(cell.target.rootUrl).toBeUndefined();
      expect(cell.target.client.baseUrl).toBeUndefined();
    }
  });
});
