import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { collectModelListings, healthFromListing } from '../shared/model-listing.ts';
import { createOpenAISdk, toOpenAIVerifyError } from '../shared/openai-sdk.ts';
import { normalizeRecorded } from '../shared/record-stream.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toResponseCreateParams } from './map-request.ts';
import { fromResponse } from './map-response.ts';
import { normalizeResponseEvents } from './map-stream.ts';

export { toOpenAIVerifyError as toVerifyError } from '../shared/openai-sdk.ts';

/** The OpenAI Responses protocol (POST /responses) over the official `openai` SDK. */
export async function createOpenAIResponsesClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = createOpenAISdk(config, transcript);
  const fail = (error: unknown, where: string) => toOpenAIVerifyError(error, `openai-responses ${where}`, config.apiKey);

  const client: ProtocolClient = {
    protocol: 'openai-responses',
    transcript,
    async chat(request: ChatRequest, options?: CallOptions): Promise<ChatResponse> {
      try {
        const response = await sdk.responses.create(toResponseCreateParams(request), { signal: options?.signal });
        return fromResponse(response);
      } catch (error) {
        throw fail(error, 'POST /responses');
      }
    },
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      let events: AsyncIterable<ResponseStreamEvent>;
      try {
        events = await sdk.responses.create({ ...toResponseCreateParams(request), stream: true }, { signal: options?.signal });
      } catch (error) {
        throw fail(error, 'POST /responses (stream)');
      }
      yield* normalizeRecorded(events, transcript, normalizeResponseEvents, (error) => fail(error, 'stream'));
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
