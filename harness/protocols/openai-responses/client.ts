import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { ClientConfig, ProtocolClient } from '../../contract/protocol-client.ts';
import { listingClient } from '../shared/listing-client.ts';
import { collectModelListings } from '../shared/model-listing.ts';
import { createOpenAISdk, toOpenAIVerifyError } from '../shared/openai-sdk.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toResponseCreateParams } from './map-request.ts';
import { fromResponse } from './map-response.ts';
import { normalizeResponseEvents } from './map-stream.ts';

export { toOpenAIVerifyError as toVerifyError } from '../shared/openai-sdk.ts';

/** The OpenAI Responses protocol (POST /responses) over the official `openai` SDK. */
export async function createOpenAIResponsesClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = createOpenAISdk(config, transcript);
  return listingClient<ResponseStreamEvent>({
    protocol: 'openai-responses',
    transcript,
    fail: (error, where) => toOpenAIVerifyError(error, `openai-responses ${where}`, config.apiKey),
    chat: { where: 'POST /responses', call: async (request, signal) => fromResponse(await sdk.responses.create(toResponseCreateParams(request), { signal })) },
    stream: { where: 'POST /responses', open: (request, signal) => sdk.responses.create({ ...toResponseCreateParams(request), stream: true }, { signal }), normalize: normalizeResponseEvents },
    listModels: { where: 'GET /models', call: (signal) => collectModelListings(sdk.models.list({ signal }), (model) => ({ id: model.id })) },
  });
}
