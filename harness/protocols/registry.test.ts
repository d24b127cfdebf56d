import { describe, expect, it } from 'vitest';
import { PROTOCOL_MODULES } from './index.ts';
import { createProtocolClient, effectiveCapabilities, eventOrderChecker, isProtocolId, PROTOCOL_IDS, protocolLimits } from './registry.ts';

describe('protocol registry (derived from harness/protocols/index.ts)', () => {
  it('lists every protocol once, in list order', () => {
    expect(PROTOCOL_IDS).toEqual(['openai-chat', 'openai-responses', 'anthropic-messages', 'bedrock-converse', 'ollama-native', 'gemini', 'embedded']);
    expect(new Set(PROTOCOL_IDS).size).toBe(PROTOCOL_MODULES.length);
    expect(isProtocolId('gemini')).toBe(true);
    expect(isProtocolId('openai')).toBe(false);
  });

  it('merges a protocol\'s limits over declared capabilities', () => {
    expect(protocolLimits('openai-responses')).toEqual({ seed: false, stop_sequences: false, embeddings: false });
    expect(effectiveCapabilities({ seed: true, tools: true }, 'anthropic-messages')).toEqual({ seed: false, tools: true, temperature: false, embeddings: false, json_mode: false });
    expect(effectiveCapabilities({ tool_choice: true }, 'ollama-native')).toEqual({ tool_choice: false, tool_choice_none: false, token_counting: false, prompt_caching: false, pdf_input: false });
    expect(effectiveCapabilities({ seed: true }, 'openai-chat')).toEqual({ seed: true, token_counting: false });
  });

  it('finds each protocol\'s event-order checker and client loader', async () => {
    for (const module of PROTOCOL_MODULES) expect(eventOrderChecker(module.id)).toBe(module.checkEventOrder);
    const client = await createProtocolClient({ protocol: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', timeoutMs: 100, maxRetries: 0 });
    expect(client.protocol).toBe('openai-chat');
    await client.close();
  });
});
