import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { collectModelListings, healthFromListing } from '../shared/model-listing.ts';
import { createOpenAISdk, toOpenAIVerifyError } from '../shared/openai-sdk.ts';
import { normalizeRecorded } from '../shared/record-stream.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toChatCompletionParams } from './map-request.ts';
import { fromChatCompletion } from './map-response.ts';
import { normalizeChatChunks } from './map-stream.ts';

export { toOpenAIVerifyError as toVerifyError } from '../shared/openai-sdk.ts';

/** The OpenAI Chat Completions protocol over the official `openai` SDK. */
export async function createOpenAIChatClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = createOpenAISdk(config, transcript);
  const fail = (error: unknown, where: string) => toOpenAIVerifyError(error, `openai-chat ${where}`, config.apiKey);

  const client: ProtocolClient = {
    protocol: 'openai-chat',
    transcript,
    async chat(request: ChatRequest, options?: CallOptions): Promise<ChatResponse> {
      try {
        const completion = await sdk.chat.completions.create(toChatCompletionParams(request), { signal: options?.signal });
        return fromChatCompletion(completion);
      } catch (error) {
        throw fail(error, 'POST /chat/completions');
      }
    },
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      let chunks: AsyncIterable<ChatCompletionChunk>;
      try {
        chunks = await sdk.chat.completions.create(
          { ...toChatCompletionParams(request), stream: true, stream_options: { include_usage: true } },
          { signal: options?.signal },
        );
      } catch (error) {
        throw fail(error, 'POST /chat/completions (stream)');
      }
      yield* normalizeRecorded(chunks, transcript, normalizeChatChunks, (error) => fail(error, 'stream'));
    },
    async listModels(options?: CallOptions): Promise<ModelListing[]> {
      try {
        return await collectModelListings(sdk.models.list({ signal: options?.signal }), (model) => ({ id: model.id }));
      } catch (error) {
        throw fail(error, 'GET /models');
      }
    },
    async health(options?: CallOptions): Promise<HealthInfo> {
      return healthFromListing(await client.listModels(options));
    },
    async close() {},
  };
  return client;
}
