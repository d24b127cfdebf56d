import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';

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
        ...CHAT_BASICS,
        ...STREAMED_TOOLS,
        stop_sequences: true,
        seed: true,
        list_models: true,
        auth: false,
        tool_choice: false,
        parallel_tool_calls: false,
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
      reason: 'node-llama-cpp function calls carry no ids; the adapter assigns synthesized_<n> ids, marked idSource "synthesized" so no check judges them as the library\'s own',
    },
  ],
  setupHint:
    'set LLM_VERIFY_MODEL to a GGUF file, or run `bash scripts/setup/model.sh` to install the default test model',
  healthCheck: 'load the model in-process',
  liveVerifiedHere: true,
};

export default embedded;
