import { Ollama, type EmbedRequest as OllamaEmbedRequest } from 'ollama';
import type { ChatRequest, ChatResponse } from '../../contract/chat.ts';
import type { CallOptions, ClientConfig, EmbedRequest, HealthInfo, ModelListing, ProtocolClient } from '../../contract/protocol-client.ts';
import { runMapped } from '../shared/listing-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { ownCode, sdkCall } from '../shared/call-boundary.ts';
import { normalizeError } from '../shared/http-error.ts';
import { normalizeRecorded } from '../shared/record-stream.ts';
import { redactSecrets } from '../shared/redact.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { harnessFetch } from '../shared/sdk-client.ts';
import { createTranscript } from '../shared/transcript.ts';
import { createCallFetch } from './call-fetch.ts';
import { toOllamaChatRequest, toOllamaEmbedRequest } from './map-request.ts';
import { fromOllamaChatResponse, fromOllamaEmbedResponse, toModelListing, type EmbedResponseWire } from './map-response.ts';
import { normalizeOllamaChunks } from './map-stream.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

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

/** What the package's stream iterator throws when the NDJSON stream ends before a `done: true` chunk. */
const NO_DONE = /did not receive done/i;

/**
 * Maps what the package's stream iterator threw. Besides HTTP and network errors it throws a plain
 * Error for two wire facts: the stream ended without `done: true` (protocol), or a chunk carried
 * `{"error": ...}`, the server reporting that it failed mid-stream (infra).
 */
export function toStreamVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  const normalized = toVerifyError(error, where, apiKey);
  if (normalized.layer !== 'harness' || !(error instanceof Error) || error.name !== 'Error') return normalized;
  const message = redactSecrets(error.message, [apiKey]);
  if (NO_DONE.test(error.message)) return streamEndedWithout('ollama-native', TERMINAL_SIGNAL.description);
  return new VerifyError({ kind: 'server', layer: 'infra', message: `${where}: the server reported an error in the stream: ${message}`, cause: error });
}

/** Ollama's native API (/api/chat, /api/tags, /api/show, /api/version) over the official `ollama` package. */
export async function createOllamaNativeClient(config: ClientConfig): Promise<ProtocolClient> {
  const transcript = createTranscript();
  const recordingFetch = harnessFetch(config, transcript);
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
      const body = ownCode('ollama-native request mapping', () => toOllamaChatRequest(request));
      const response = await sdkCall('POST /api/chat', fail, () => sdk(options).chat({ ...body, stream: false } as Parameters<Ollama['chat']>[0] & { stream: false }));
      return ownCode('ollama-native response mapping', () => fromOllamaChatResponse(response));
    },
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      const where = 'POST /api/chat (stream)';
      const body = ownCode('ollama-native request mapping', () => toOllamaChatRequest(request));
      const chunks = await sdkCall(where, fail, () => sdk(options).chat({ ...body, stream: true } as Parameters<Ollama['chat']>[0] & { stream: true }));
      try {
        yield* normalizeRecorded(chunks, transcript, normalizeOllamaChunks, {
          fail: (error) => toStreamVerifyError(error, 'ollama-native stream', config.apiKey),
          where: `ollama-native ${where}`,
          signal: options?.signal,
        });
      } finally {
        chunks.abort();
      }
    },
    embed: (request: EmbedRequest, options?: CallOptions) =>
      runMapped('ollama-native', fail, {
        where: 'POST /api/embed',
        toParams: toOllamaEmbedRequest,
        call: (body: OllamaEmbedRequest): Promise<EmbedResponseWire> => sdk(options).embed(body),
        fromResponse: (response, input) => fromOllamaEmbedResponse(response, input.input.length),
      }, request),
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
