import { describe, expect, it } from 'vitest';
import { capabilityGate } from './gating.ts';

describe('capabilityGate', () => {
  it('runs when nothing is required or every requirement is declared true', () => {
    expect(capabilityGate([], {}, 'openai-chat')).toEqual({ action: 'run' });
    expect(capabilityGate(['tools', 'seed'], { tools: true, seed: true }, 'openai-chat')).toEqual({ action: 'run' });
  });

  it('runs when a required capability is unknown (undeclared)', () => {
    expect(capabilityGate(['tools', 'streaming'], { chat: true }, 'gemini')).toEqual({ action: 'run' });
  });

  it('is unsupported when the model declares a required capability false', () => {
    expect(capabilityGate(['tools', 'vision', 'chat'], { tools: false, vision: false, chat: true }, 'openai-chat')).toEqual({
      action: 'unsupported',
      reason: 'model declares no tools, vision',
    });
  });

  it('is unsupported when the protocol cannot carry it, even if the model declares it', () => {
    expect(capabilityGate(['seed', 'stop_sequences'], { seed: true, stop_sequences: true }, 'openai-responses')).toEqual({
      action: 'unsupported',
      reason: 'the openai-responses protocol has no seed, stop_sequences',
    });
    expect(capabilityGate(['tool_choice'], {}, 'ollama-native')).toEqual({ action: 'unsupported', reason: 'the ollama-native protocol has no tool_choice' });
  });

  it('names the protocol limit before the model declaration', () => {
    expect(capabilityGate(['seed', 'tools'], { tools: false }, 'anthropic-messages')).toEqual({
      action: 'unsupported',
      reason: 'the anthropic-messages protocol has no seed',
    });
  });

  it('the same requirement runs on a protocol without that limit', () => {
    expect(capabilityGate(['seed'], {}, 'openai-chat')).toEqual({ action: 'run' });
    expect(capabilityGate(['tool_choice'], {}, 'openai-chat')).toEqual({ action: 'run' });
  });
});
