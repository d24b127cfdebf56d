import OpenAI, { APIError, APIUserAbortError } from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeError } from '../shared/http-error.ts';
import { createRecordingFetch } from '../shared/recording-fetch.ts';
import { now } from '../shared/time.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toResponseCreateParams } from './map-request.ts';
import { fromResponse } from './map-response.ts';
import { normalizeResponseEvents } from './map-stream.ts';

/** OpenAI-compatible servers accept any key when they check none; the SDK insists on one. */
const NO_KEY = 'no-key';

export function toVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  if (error instanceof APIUserAbortError) {
    return new VerifyError({ kind: 'aborted', layer: 'transport', message: `${where}: aborted by the caller`, cause: error });
  }
  const status = error instanceof APIError ? error.status : undefined;
  return normalizeError({ error, status, secrets: [apiKey], where });
}

/** The OpenAI Responses protocol (POST /responses) over the official `openai` SDK. */
export async function createOpenAIResponsesClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = new OpenAI({
    apiKey: config.apiKey ?? NO_KEY,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    fetch: createRecordingFetch(transcript),
  });
  const fail = (error: unknown, where: string) => toVerifyError(error, `openai-responses ${where}`, config.apiKey);

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
      async function* recorded(): AsyncGenerator<ResponseStreamEvent> {
        for await (const event of events) {
          transcript.record({ kind: 'stream_event', at: now(), event });
          yield event;
        }
      }
      try {
        yield* normalizeResponseEvents(recorded());
      } catch (error) {
        throw fail(error, 'stream');
      }
    },
    async listModels(options?: CallOptions): Promise<ModelListing[]> {
      try {
        const listings: ModelListing[] = [];
        for await (const model of sdk.models.list({ signal: options?.signal })) listings.push({ id: model.id });
        return listings;
      } catch (error) {
        throw fail(error, 'GET /models');
      }
    },
    async health(options?: CallOptions): Promise<HealthInfo> {
      const models = await client.listModels(options);
      return { ok: true, detail: `${models.length} model(s) listed` };
    },
    async close() {},
  };
  return client;
}
