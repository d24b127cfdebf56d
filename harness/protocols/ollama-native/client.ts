import { Ollama, type ChatResponse as OllamaChatResponse } from 'ollama';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeError } from '../shared/http-error.ts';
import { createRecordingFetch } from '../shared/recording-fetch.ts';
import { now } from '../shared/time.ts';
import { createTranscript } from '../shared/transcript.ts';
import { createCallFetch } from './call-fetch.ts';
import { toOllamaChatRequest } from './map-request.ts';
import { fromOllamaChatResponse, toModelListing } from './map-response.ts';
import { normalizeOllamaChunks } from './map-stream.ts';

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/** The npm package's ResponseError is not exported: it is recognised by name and `status_code`. */
function statusOf(error: unknown): number | undefined {
  if (!(error instanceof Error) || error.name !== 'ResponseError') return undefined;
  const status = (error as { status_code?: unknown }).status_code;
  return typeof status === 'number' ? status : undefined;
}

export function toVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  return normalizeError({ error, status: statusOf(error), secrets: [apiKey], where });
}

/** Ollama's native API (/api/chat, /api/tags, /api/show, /api/version) over the official `ollama` package. */
export async function createOllamaNativeClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const recordingFetch = createRecordingFetch(transcript);
  const host = config.baseUrl && config.baseUrl !== '' ? config.baseUrl : DEFAULT_OLLAMA_HOST;
  const headers: Record<string, string> = config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : {};
  /** A client per call: the package has no per-request signal or timeout, so they live in its fetch. */
  const sdk = (options?: CallOptions) =>
    new Ollama({ host, headers, fetch: createCallFetch(recordingFetch, { signal: options?.signal, timeoutMs: config.timeoutMs }) });
  const fail = (error: unknown, where: string) => toVerifyError(error, `ollama-native ${where}`, config.apiKey);

  return {
    protocol: 'ollama-native',
    transcript,
    async chat(request: ChatRequest, options?: CallOptions): Promise<ChatResponse> {
      const body = toOllamaChatRequest(request);
      try {
        const response = await sdk(options).chat({ ...body, stream: false } as Parameters<Ollama['chat']>[0] & { stream: false });
        return fromOllamaChatResponse(response);
      } catch (error) {
        throw fail(error, 'POST /api/chat');
      }
    },
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      const body = toOllamaChatRequest(request);
      let chunks: AsyncIterable<OllamaChatResponse> & { abort(): void };
      try {
        chunks = await sdk(options).chat({ ...body, stream: true } as Parameters<Ollama['chat']>[0] & { stream: true });
      } catch (error) {
        throw fail(error, 'POST /api/chat (stream)');
      }
      async function* recorded() {
        for await (const chunk of chunks) {
          transcript.record({ kind: 'stream_event', at: now(), event: chunk });
          yield chunk;
        }
      }
      try {
        yield* normalizeOllamaChunks(recorded());
      } catch (error) {
        throw fail(error, 'stream');
      } finally {
        chunks.abort();
      }
    },
    async listModels(options?: CallOptions): Promise<ModelListing[]> {
      const client = sdk(options);
      let models;
      try {
        models = (await client.list()).models ?? [];
      } catch (error) {
        throw fail(error, 'GET /api/tags');
      }
      const listings: ModelListing[] = [];
      for (const model of models) {
        // /api/show adds capabilities and context length; a model it cannot describe is still listed.
        const show = await client.show({ model: model.name }).catch(() => undefined);
        listings.push(toModelListing(model, show));
      }
      return listings;
    },
    async health(options?: CallOptions): Promise<HealthInfo> {
      try {
        const { version } = await sdk(options).version();
        return { ok: true, version: `ollama ${version}` };
      } catch (error) {
        throw fail(error, 'GET /api/version');
      }
    },
    async close() {},
  };
}
