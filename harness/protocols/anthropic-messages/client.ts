import Anthropic from '@anthropic-ai/sdk';
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ClientConfig, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import { listingClient } from '../shared/listing-client.ts';
import { collectModelListings } from '../shared/model-listing.ts';
import { sdkClientOptions } from '../shared/sdk-client.ts';
import { toVerifyError } from './stream-error.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toMessageCreateParams } from './map-request.ts';
import { fromAnthropicMessage } from './map-response.ts';
import { normalizeAnthropicEvents } from './map-stream.ts';

export { toVerifyError };

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
  return listingClient({
    protocol: 'anthropic-messages',
    transcript,
    fail: (error, where) => toVerifyError(error, `anthropic-messages ${where}`, config.apiKey),
    chat: { where: 'POST /v1/messages', toParams: toMessageCreateParams, call: (params, signal) => sdk.messages.create(params, { signal }), fromResponse: fromAnthropicMessage },
    stream: {
      where: 'POST /v1/messages',
      toParams: (request): MessageCreateParamsStreaming => ({ ...toMessageCreateParams(request), stream: true }),
      open: (params, signal) => sdk.messages.create(params, { signal }),
      normalize: normalizeAnthropicEvents,
    },
    listModels: { where: 'GET /v1/models', call: (signal) => collectModelListings(sdk.models.list({}, { signal }), toModelListing) },
  });
}
