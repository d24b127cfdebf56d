import Anthropic, { APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { collectModelListings, healthFromListing } from '../shared/model-listing.ts';
import { normalizeRecorded } from '../shared/record-stream.ts';
import { sdkClientOptions, sdkErrorMapper } from '../shared/sdk-client.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toMessageCreateParams } from './map-request.ts';
import { fromAnthropicMessage } from './map-response.ts';
import { normalizeAnthropicEvents } from './map-stream.ts';

/** Maps what @anthropic-ai/sdk threw to a VerifyError. */
export const toVerifyError = sdkErrorMapper({ userAbort: APIUserAbortError, api: APIError });

/**
 * A model listing. Anthropic's ModelInfo has display_name and max_input_tokens; an
 * OpenAI-shaped listing (llama-server's GET /v1/models) has only the id, so each field is read
 * only when present.
 */
export function toModelListing(model: Partial<ModelInfo> & { id: string }): ModelListing {
  const listing: ModelListing = { id: model.id };
  if (typeof model.display_name === 'string') listing.displayName = model.display_name;
  if (typeof model.max_input_tokens === 'number') listing.contextWindow = model.max_input_tokens;
  return listing;
}

/** The Anthropic Messages protocol (POST /v1/messages) over the official @anthropic-ai/sdk. */
export async function createAnthropicMessagesClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = new Anthropic(sdkClientOptions(config, transcript));
  const fail = (error: unknown, where: string) => toVerifyError(error, `anthropic-messages ${where}`, config.apiKey);

  const client: ProtocolClient = {
    protocol: 'anthropic-messages',
    transcript,
    async chat(request: ChatRequest, options?: CallOptions): Promise<ChatResponse> {
      try {
        const message = await sdk.messages.create(toMessageCreateParams(request), { signal: options?.signal });
        return fromAnthropicMessage(message);
      } catch (error) {
        throw fail(error, 'POST /v1/messages');
      }
    },
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      let events: AsyncIterable<RawMessageStreamEvent>;
      try {
        events = await sdk.messages.create({ ...toMessageCreateParams(request), stream: true }, { signal: options?.signal });
      } catch (error) {
        throw fail(error, 'POST /v1/messages (stream)');
      }
      yield* normalizeRecorded(events, transcript, normalizeAnthropicEvents, (error) => fail(error, 'stream'));
    },
    async listModels(options?: CallOptions): Promise<ModelListing[]> {
      try {
        return await collectModelListings(sdk.models.list({}, { signal: options?.signal }), toModelListing);
      } catch (error) {
        throw fail(error, 'GET /v1/models');
      }
    },
    async health(options?: CallOptions): Promise<HealthInfo> {
      return healthFromListing(await client.listModels(options));
    },
    async close() {},
  };
  return client;
}
