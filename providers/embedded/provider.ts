import type { ProviderDefinition } from '../../harness/contract/provider.ts';

/** llama.cpp in-process through node-llama-cpp: no server, no credentials. The default target. */
const embedded: ProviderDefinition = {
  id: 'embedded',
  displayName: 'Embedded llama.cpp (node-llama-cpp)',
  kind: 'embedded',
  protocols: [{ protocol: 'embedded', path: '' }],
  models: [
    {
      id: 'smollm2-135m-instruct',
      displayName: 'SmolLM2 135M Instruct (Q4_1)',
      contextWindow: 8192,
      maxOutputTokens: 2048,
      capabilities: {
        chat: true,
        system_prompt: true,
        multi_turn: true,
        max_tokens: true,
        stop_sequences: true,
        seed: true,
        usage: true,
        list_models: true,
        auth: false,
        tools: true,
        tool_choice: false,
        parallel_tool_calls: false,
        streaming: true,
        streaming_tools: true,
        stream_usage: true,
        reasoning: false,
        structured_output: false,
        vision: false,
      },
    },
  ],
  quirks: [
    {
      name: 'syntheticToolCallIds',
      value: true,
      reason: 'node-llama-cpp function calls carry no ids; the adapter assigns call_<n> ids',
    },
  ],
  setupHint:
    'set LLM_VERIFY_MODEL to a GGUF file, or run `bash scripts/setup/model.sh` to install the default test model',
  healthCheck: 'load the model in-process',
  liveVerifiedHere: true,
};

export default embedded;
