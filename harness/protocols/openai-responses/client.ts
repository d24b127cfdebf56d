import type { ResponseCreateParamsStreaming } from 'openai/resources/responses/responses';
import type { ClientConfig, ProtocolClient } from '../../contract/protocol-client.ts';
import { listingClient, mappedCall } from '../shared/listing-client.ts';
import { collectModelListings } from '../shared/model-listing.ts';
import { createOpenAISdk, toOpenAIVerifyError } from '../shared/openai-sdk.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toInputTokenCountParams, toResponseCreateParams } from './map-request.ts';
import { fromInputTokenCount } from './map-response.ts';
import { fromResponse } from './map-response.ts';
import { normalizeResponseEvents } from './map-stream.ts';

export { toOpenAIVerifyError as toVerifyError } from '../shared/openai-sdk.ts';

/** The OpenAI Responses protocol (POST /responses) over the official `openai` SDK. */
export async function createOpenAIResponsesClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = createOpenAISdk(config, transcript);
  return listingClient({
    protocol: 'openai-responses',
    transcript,
    fail: (error, where) => toOpenAIVerifyError(error, `openai-responses ${where}`, config.apiKey),
    chat: { where: 'POST /responses', toParams: toResponseCreateParams, call: (params, signal) => sdk.responses.create(params, { signal }), fromResponse },
    stream: {
      where: 'POST /responses',
      toParams: (request): ResponseCreateParamsStreaming => ({ ...toResponseCreateParams(request), stream: true }),
      open: (params, signal) => sdk.responses.create(params, { signal }),
      normalize: normalizeResponseEvents,
    },
    countTokens: mappedCall({
      where: 'POST /responses/input_tokens',
      toParams: toInputTokenCountParams,
      call: (params, signal) => sdk.responses.inputTokens.count(params, { signal }),
      fromResponse: fromInputTokenCount,
    }),
    listModels: { where: 'GET /models', call: (signal) => collectModelListings(sdk.models.list({ signal }), (model) => ({ id: model.id })) },
  });
}
