import OpenAI, { APIError, APIUserAbortError } from 'openai';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeError } from '../shared/http-error.ts';
import { createRecordingFetch } from '../shared/recording-fetch.ts';
import { now } from '../shared/time.ts';
import { createTranscript } from '../shared/transcript.ts';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { toChatCompletionParams } from './map-request.ts';
import { fromChatCompletion } from './map-response.ts';
import { normalizeChatChunks } from './map-stream.ts';

/** OpenAI-compatible servers accept any key when they check none; the SDK insists on one. */
const NO_KEY = 'no-key';

export function toVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  if (error instanceof APIUserAbortError) {
    return new VerifyError({ kind: 'aborted', layer: 'transport', message: `${where}: aborted by the caller`, cause: error });
  }
  const status = error instanceof APIError ? error.status : undefined;
  return normalizeError({ error, status, secrets: [apiKey], where });
}

/** The OpenAI Chat Completions protocol over the official `openai` SDK. */
export async function createOpenAIChatClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const sdk = new OpenAI({
    apiKey: config.apiKey ?? NO_KEY,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    fetch: createRecordingFetch(transcript),
  });
  const fail = (error: unknown, where: string) => toVerifyError(error, `openai-chat ${where}`, config.apiKey);

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
      async function* recorded() {
        for await (const chunk of chunks) {
          transcript.record({ kind: 'stream_event', at: now(), event: chunk });
          yield chunk;
        }
      }
      try {
        yield* normalizeChatChunks(recorded());
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
