import { describe, expect, it } from 'vitest';
import { buildCells } from '../../harness/matrix/build-cells.ts';
import type { ProviderEndpoint } from '../../harness/matrix/endpoint-plan.ts';
import { driftOf } from '../../harness/verdicts/drift.ts';
import ollama from '../../providers/ollama/provider.ts';
import llamaCpp from '../../providers/llama_cpp/provider.ts';
import { advancedSuite } from './advanced.suite.ts';

const endpoint: ProviderEndpoint = { rootUrl: 'http://127.0.0.1:1', source: 'flag', onUnreachable: 'error', gate: { action: 'run' } };
const cells = (probe: boolean) =>
  buildCells({
    providers: [llamaCpp, ollama],
    suites: [advancedSuite],
    filters: { suites: [], providers: [], models: [], tests: [], tags: [], protocols: [] },
    models: new Map([[llamaCpp.id, llamaCpp.models], [ollama.id, ollama.models]]),
    endpoints: new Map([[llamaCpp.id, endpoint], [ollama.id, endpoint]]),
    timeoutMs: 1000,
    probe,
  });
const cell = (list: ReturnType<typeof cells>, id: string) => {
  const found = list.find((entry) => entry.id === id);
  if (!found) throw new Error(`no cell ${id}`);
  return found;
};

describe('advanced suite gating over the local providers\' declarations', () => {
  it('protocol limits and declared capabilities make cells unsupported, with the not-live-verified note on media', () => {
    const plan = cells(false);
    expect(cell(plan, 'llama_cpp/smollm2-135m-instruct/openai-chat/advanced.token_counting').gate).toEqual({ action: 'unsupported', reason: 'the openai-chat protocol has no token_counting' });
    expect(cell(plan, 'llama_cpp/smollm2-135m-instruct/anthropic-messages/advanced.token_counting').gate).toEqual({ action: 'run' });
    expect(cell(plan, 'llama_cpp/smollm2-135m-instruct/openai-responses/advanced.embeddings').gate.action).toBe('unsupported');
    expect(cell(plan, 'ollama/smollm2-135m-instruct:latest/ollama-native/advanced.prompt_caching').gate).toEqual({ action: 'unsupported', reason: 'the ollama-native protocol has no prompt_caching' });
    const vision = cell(plan, 'llama_cpp/smollm2-135m-instruct/openai-chat/advanced.vision_input').gate;
    expect(vision.action === 'unsupported' ? vision.reason : '').toMatch(/^model declares no vision — .*not live-verified here/);
  });

  it('--probe runs what the model declares absent (not what the protocol lacks) and reports drift both ways', () => {
    const plan = cells(true);
    const caching = cell(plan, 'ollama/smollm2-135m-instruct:latest/openai-chat/advanced.prompt_caching');
    expect(caching.gate).toEqual({ action: 'run' });
    expect(caching.probe).toEqual({ declaredUnsupported: ['prompt_caching'] });
    expect(driftOf(caching, { verdict: 'pass' })).toEqual({ direction: 'declared-unsupported-but-works', capabilities: ['prompt_caching'] });
    expect(cell(plan, 'ollama/smollm2-135m-instruct:latest/ollama-native/advanced.prompt_caching').gate.action).toBe('unsupported');
    const counting = cell(plan, 'llama_cpp/smollm2-135m-instruct/anthropic-messages/advanced.token_counting');
    expect(driftOf(counting, { verdict: 'fail', layer: 'protocol' })).toEqual({ direction: 'declared-supported-but-fails', capabilities: ['chat', 'usage', 'token_counting'] });
  });
});
