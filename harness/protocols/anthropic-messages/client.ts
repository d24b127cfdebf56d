import Anthropic, { APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeError } from '../shared/http-error.ts';
import { createRecordingFetch } from '../shared/recording-fetch.ts';
import { now } from '../shared/time.ts';
import { createTranscript } from '../shared/transcript.ts';
import { toMessageCreateParams } from './map-request.ts';
import { fromAnthropicMessage } from './map-response.ts';
import { normalizeAnthropicEvents } from './map-stream.ts';

/**
 * Local servers speaking this protocol accept any key when they check none. Passing one also
 * stops the SDK from looking for credentials elsewhere (env vars, profile files).
 */
const NO_KEY = 'no-key';

export function toVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  // APIUserAbortError extends APIError: test it first.
  if (error instanceof APIUserAbortError) {
    return new VerifyError({ kind: 'aborted', layer: 'transport', message: `${where}: aborted by the caller`, cause: error });
  }
  const status = error instanceof APIError ? error.status : undefined;
  return normalizeError({ error, status, secrets: [apiKey], where });
}

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
  const sdk = new Anthropic({
    apiKey: config.apiKey ?? NO_KEY,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    fetch: createRecordingFetch(transcript),
  });
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
      async function* recorded(): AsyncGenerator<RawMessageStreamEvent> {
        for await (const event of events) {
          transcript.record({ kind: 'stream_event', at: now(), event });
          yield event;
        }
      }
      try {
        yield* normalizeAnthropicEvents(recorded());
      } catch (error) {
        throw fail(error, 'stream');
      }
    },
    async listModels(options?: CallOptions): Promise<ModelListing[]> {
      try {
        const listings: ModelListing[] = [];
        for await (const model of sdk.models.list({}, { signal: options?.signal })) listings.push(toModelListing(model));
        return listings;
      } catch (error) {
        throw fail(error, 'GET /v1/models');
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
