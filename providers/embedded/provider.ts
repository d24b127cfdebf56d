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
      // The GGUF was trained on 8192; the adapter creates a 4096-token context (CONTEXT_SIZE in its client)
      contextWindow: 4096,
      maxOutputTokens: 2048,
      embeddingDimensions: 576,
      // observed with node-llama-cpp 3.22: the token meter reports one prompt token fewer than the
      // tokenizer counts for the rendered history (28 vs 29); up to 5% apart is accepted
      tokenCountTolerance: 0.05,
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
        // Sources: node-llama-cpp 3.x docs (grammar, embedding, tokenizer guides).
        // createGrammarForJsonSchema / getGrammarFor('json') constrain generation
        structured_output: true,
        json_mode: true,
        // model.createEmbeddingContext()
        embeddings: true,
        // the chat wrapper's rendered history counted with model.tokenizer
        token_counting: true,
        vision: false,
        pdf_input: false,
      },
    },
  ],
  // one context sequence: requests queue and run one at a time
  parallelRequests: 1,
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
