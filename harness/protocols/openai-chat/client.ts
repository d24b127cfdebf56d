import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ClientConfig, ProtocolClient } from '../../contract/protocol-client.ts';
import { listingClient, mappedCall } from '../shared/listing-client.ts';
import { collectModelListings } from '../shared/model-listing.ts';
import { createOpenAISdk, toOpenAIVerifyError } from '../shared/openai-sdk.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toChatCompletionParams } from './map-request.ts';
import { fromChatCompletion } from './map-response.ts';
import { normalizeChatChunks } from './map-stream.ts';
import { fromEmbeddingResponse, toEmbeddingParams } from './map-embeddings.ts';

export { toOpenAIVerifyError as toVerifyError } from '../shared/openai-sdk.ts';

/** The OpenAI Chat Completions protocol over the official `openai` SDK. */
export async function createOpenAIChatClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = createOpenAISdk(config, transcript);
  // llama-server serves embeddings only when started with --embeddings: the launcher starts a second one.
  const embeddingsSdk = config.embeddingsBaseUrl ? createOpenAISdk({ ...config, baseUrl: config.embeddingsBaseUrl }, transcript) : sdk;
  return listingClient({
    protocol: 'openai-chat',
    transcript,
    fail: (error, where) => toOpenAIVerifyError(error, `openai-chat ${where}`, config.apiKey),
    chat: {
      where: 'POST /chat/completions',
      toParams: toChatCompletionParams,
      call: (params, signal) => sdk.chat.completions.create(params, { signal }),
      fromResponse: fromChatCompletion,
    },
    stream: {
      where: 'POST /chat/completions',
      toParams: (request): ChatCompletionCreateParamsStreaming => ({ ...toChatCompletionParams(request), stream: true, stream_options: { include_usage: true } }),
      open: (params, signal) => sdk.chat.completions.create(params, { signal }),
      normalize: normalizeChatChunks,
    },
    embed: mappedCall({
      where: 'POST /embeddings',
      toParams: toEmbeddingParams,
      call: (params, signal) => embeddingsSdk.embeddings.create(params, { signal }),
      fromResponse: (response, request) => fromEmbeddingResponse(response, request.input.length),
    }),
    listModels: { where: 'GET /models', call: (signal) => collectModelListings(sdk.models.list({ signal }), (model) => ({ id: model.id })) },
  });
}
